//! Choosing the next token: greedy, or temperature / top-k / top-p sampling,
//! with a repetition penalty and a seedable generator.

use std::collections::HashSet;

/// Generation settings for one request.
#[derive(Debug, Clone, PartialEq)]
pub struct Sampling {
    /// 0 means greedy.
    pub temperature: f32,
    /// 0 means no top-k cut.
    pub top_k: usize,
    /// 1 means no nucleus cut.
    pub top_p: f32,
    /// 1 means none; above 1 makes tokens already seen less likely (CTRL's rule).
    pub repetition_penalty: f32,
    pub seed: Option<u64>,
    pub max_tokens: usize,
    pub stop: Vec<String>,
    /// Keep end-of-sequence tokens out (benchmarks and reference comparisons).
    pub ignore_eos: bool,
}

impl Default for Sampling {
    fn default() -> Self {
        Sampling {
            temperature: 0.0,
            top_k: 0,
            top_p: 1.0,
            repetition_penalty: 1.0,
            seed: None,
            max_tokens: 256,
            stop: Vec::new(),
            ignore_eos: false,
        }
    }
}

impl Sampling {
    pub fn check(&self) -> Result<(), String> {
        if !(0.0..=2.0).contains(&self.temperature) {
            return Err("temperature must be between 0 and 2".into());
        }
        if !(self.top_p > 0.0 && self.top_p <= 1.0) {
            return Err("top_p must be above 0 and at most 1".into());
        }
        if !(self.repetition_penalty > 0.0 && self.repetition_penalty <= 10.0) {
            return Err("repetition_penalty must be above 0 and at most 10".into());
        }
        if self.max_tokens == 0 {
            return Err("max_tokens must be at least 1".into());
        }
        if self.stop.len() > 4 {
            return Err("at most 4 stop sequences".into());
        }
        Ok(())
    }
}

/// SplitMix64: small, fast, and reproducible from a seed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn next_f32(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }
}

/// A logit adjusted for the penalty and the end-of-sequence rule.
type Adjust<'a> = &'a dyn Fn(usize, f32, &HashSet<usize>, &[usize], bool) -> f32;

pub struct Sampler {
    pub params: Sampling,
    rng: Rng,
    seen: HashSet<usize>,
    eos: Vec<usize>,
    scratch: Vec<(usize, f32)>,
}

impl Sampler {
    pub fn new(params: Sampling, prompt: &[i64], eos: &[i64], fallback_seed: u64) -> Sampler {
        let seen = if params.repetition_penalty != 1.0 {
            prompt.iter().map(|&t| t as usize).collect()
        } else {
            HashSet::new()
        };
        let rng = Rng::new(params.seed.unwrap_or(fallback_seed));
        Sampler {
            params,
            rng,
            seen,
            eos: eos.iter().map(|&e| e as usize).collect(),
            scratch: Vec::new(),
        }
    }

    /// The next token from one row of logits.
    pub fn pick(&mut self, logits: &[f32]) -> i64 {
        let penalty = self.params.repetition_penalty;
        let adjusted = |i: usize, l: f32, seen: &HashSet<usize>, eos: &[usize], ignore_eos: bool| -> f32 {
            if ignore_eos && eos.contains(&i) {
                return f32::NEG_INFINITY;
            }
            if penalty != 1.0 && seen.contains(&i) {
                if l > 0.0 {
                    l / penalty
                } else {
                    l * penalty
                }
            } else {
                l
            }
        };
        let ignore = self.params.ignore_eos;
        let token = if self.params.temperature <= 0.0 {
            let argmax = |adjust: bool| {
                let mut best = (0usize, f32::NEG_INFINITY);
                for (i, &l) in logits.iter().enumerate() {
                    let l = if adjust {
                        adjusted(i, l, &self.seen, &self.eos, ignore)
                    } else {
                        l
                    };
                    if l > best.1 {
                        best = (i, l);
                    }
                }
                best.0
            };
            // Without a penalty the plain maximum is the answer, unless it is
            // an end-of-sequence token kept out: only then (or with a
            // penalty) is every logit adjusted.
            match (penalty == 1.0).then(|| argmax(false)) {
                Some(plain) if !(ignore && self.eos.contains(&plain)) => plain,
                _ => argmax(true),
            }
        } else {
            self.sample(logits, &adjusted, ignore)
        };
        if penalty != 1.0 {
            self.seen.insert(token);
        }
        token as i64
    }

    fn sample(&mut self, logits: &[f32], adjusted: Adjust<'_>, ignore: bool) -> usize {
        let t = self.params.temperature;
        let s = &mut self.scratch;
        s.clear();
        s.extend(
            logits
                .iter()
                .enumerate()
                .map(|(i, &l)| (i, adjusted(i, l, &self.seen, &self.eos, ignore) / t)),
        );
        s.retain(|x| x.1.is_finite());
        if s.is_empty() {
            return 0;
        }
        let by_logit = |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        let k = if self.params.top_k > 0 {
            self.params.top_k.min(s.len())
        } else {
            s.len()
        };
        if k < s.len() {
            s.select_nth_unstable_by(k - 1, by_logit);
            s.truncate(k);
        }
        s.sort_unstable_by(by_logit);
        let max = s[0].1;
        let mut total = 0.0f32;
        for x in s.iter_mut() {
            x.1 = (x.1 - max).exp();
            total += x.1;
        }
        // Nucleus: the smallest prefix whose probability reaches top_p.
        if self.params.top_p < 1.0 {
            let mut acc = 0.0;
            let mut cut = s.len();
            for (n, x) in s.iter().enumerate() {
                acc += x.1 / total;
                if acc >= self.params.top_p {
                    cut = n + 1;
                    break;
                }
            }
            s.truncate(cut);
            total = s.iter().map(|x| x.1).sum();
        }
        let mut r = self.rng.next_f32() * total;
        for x in s.iter() {
            if r < x.1 {
                return x.0;
            }
            r -= x.1;
        }
        s[s.len() - 1].0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sampler(p: Sampling) -> Sampler {
        Sampler::new(p, &[], &[2], 7)
    }

    #[test]
    fn greedy_takes_the_largest_and_can_skip_eos() {
        let logits = [0.1, 0.5, 3.0, 0.2];
        assert_eq!(sampler(Sampling::default()).pick(&logits), 2);
        let mut s = sampler(Sampling {
            ignore_eos: true,
            ..Sampling::default()
        });
        assert_eq!(s.pick(&logits), 1);
        // The largest is not end of sequence: taken as is.
        assert_eq!(s.pick(&[0.1, 3.0, 0.5, 3.0]), 1);
        // Ties go to the first, end of sequence kept out.
        assert_eq!(s.pick(&[0.1, 0.5, 3.0, 0.5]), 1);
    }

    #[test]
    fn repetition_penalty_demotes_seen_tokens() {
        let logits = [2.0, 1.9, -5.0];
        let mut s = Sampler::new(
            Sampling {
                repetition_penalty: 1.5,
                ..Sampling::default()
            },
            &[0],
            &[],
            0,
        );
        assert_eq!(s.pick(&logits), 1);
    }

    #[test]
    fn seeded_sampling_is_reproducible_and_respects_top_k() {
        let logits: Vec<f32> = (0..50).map(|i| (i % 7) as f32 * 0.3).collect();
        let params = Sampling {
            temperature: 0.9,
            top_k: 5,
            seed: Some(42),
            ..Sampling::default()
        };
        let a: Vec<i64> = {
            let mut s = sampler(params.clone());
            (0..40).map(|_| s.pick(&logits)).collect()
        };
        let b: Vec<i64> = {
            let mut s = sampler(params.clone());
            (0..40).map(|_| s.pick(&logits)).collect()
        };
        assert_eq!(a, b);
        let mut top: Vec<(usize, f32)> = logits.iter().copied().enumerate().collect();
        top.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        let allowed: Vec<i64> = top[..5].iter().map(|x| x.0 as i64).collect();
        assert!(a.iter().all(|t| allowed.contains(t)), "{a:?} outside {allowed:?}");
        assert!(a.iter().collect::<HashSet<_>>().len() > 1, "sampling never varied");
    }

    #[test]
    fn top_p_keeps_the_nucleus() {
        let logits = [10.0, 9.0, 0.0, 0.0];
        let mut s = sampler(Sampling {
            temperature: 1.0,
            top_p: 0.5,
            seed: Some(1),
            ..Sampling::default()
        });
        assert!((0..50).all(|_| s.pick(&logits) == 0));
    }
}
