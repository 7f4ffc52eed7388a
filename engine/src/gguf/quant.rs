//! GGUF blocks as MatMulNBits operands, exactly:
//! - Q4_0: w = d * (q - 8)       -> 4 bits, block 32, scale d, zero point 8
//! - Q4_1: w = d * q + m         -> 4 bits, block 32, scale d, zero point 0, + m
//! - Q8_0: w = d * q (q signed)  -> 8 bits, block 32, q + 128, scale d, zero point 128
//! - Q4_K: w = d*sc * q - dmin*m per 32 (6-bit sc, m) -> 4 bits, block 32, zero point 0, + min
//! - Q5_K: the same with 5-bit q                      -> 8 bits, block 32, zero point 0, + min
//! - Q6_K: w = d*sc * (q - 32) per 16 (8-bit sc)      -> 8 bits, block 16, zero point 32
//!
//! ("+ m": the minimum is added outside MatMulNBits, see `ZeroPoints::Min`.)
//! Scales are products of a half and a small integer, exact in f32, so no
//! format here is re-quantized.
//!
//! MatMulNBits wants B as `[N, K/32, blob]` (a row of K per output, 32
//! elements per block, element 2i in the low nibble of byte i); GGUF's Q4
//! blocks keep element j in the low nibble and j + 16 in the high nibble of
//! byte j, so nibbles are reordered; nothing is re-quantized.

use half::f16;

use super::reader::GgmlType;
use crate::Error;

pub enum ZeroPoints {
    /// Packed like B (4 bits: two per byte).
    U8(Vec<u8>),
    /// Q4_1's minimum per block, `[N, K/32]` (the zero point is 0), added outside MatMulNBits
    /// (`x @ W = d * (x @ q) + sum over blocks of m * sum(x in block)`):
    /// MatMulNBits takes float zero points (-m/d) exactly, but runs them
    /// about 27 times slower than none on CPU.
    Min(Vec<f32>),
}

pub struct NBits {
    pub bits: u8,
    /// Elements per block along K (32, or 16 for Q6_K).
    pub block: usize,
    pub k: usize,
    pub n: usize,
    pub b: Vec<u8>,
    pub scales: Vec<f32>,
    pub zero_points: ZeroPoints,
}

fn half_at(raw: &[u8], at: usize) -> f32 {
    f16::from_le_bytes([raw[at], raw[at + 1]]).to_f32()
}

/// Element `j` (0..32) of a GGUF Q4 block's 16 quant bytes.
fn q4(qs: &[u8], j: usize) -> u8 {
    if j < 16 {
        qs[j] & 0x0F
    } else {
        qs[j - 16] >> 4
    }
}

/// A `[K, N]` GGUF matrix (N rows of K) as MatMulNBits operands.
pub fn nbits(ty: GgmlType, raw: &[u8], k: usize, n: usize) -> Result<NBits, Error> {
    if k % 32 != 0 {
        return Err(Error::Model(format!(
            "a quantized matrix's inner size {k} is not a multiple of 32"
        )));
    }
    let blocks = k / 32 * n;
    match ty {
        GgmlType::Q4_0 | GgmlType::Q4_1 => {
            let size = if ty == GgmlType::Q4_0 { 18 } else { 20 };
            let mut b = Vec::with_capacity(blocks * 16);
            let mut scales = Vec::with_capacity(blocks);
            let mut zf = Vec::with_capacity(if ty == GgmlType::Q4_1 { blocks } else { 0 });
            for blk in raw.chunks_exact(size).take(blocks) {
                let d = half_at(blk, 0);
                let qs = &blk[size - 16..];
                let mut packed = [0u8; 16];
                // Q4_0 has no zero point here: its 8 is given as a uint8 zero point below.
                for (i, p) in packed.iter_mut().enumerate() {
                    *p = q4(qs, 2 * i) | (q4(qs, 2 * i + 1) << 4);
                }
                scales.push(d);
                if ty == GgmlType::Q4_1 {
                    zf.push(half_at(blk, 2));
                }
                b.extend_from_slice(&packed);
            }
            let zero_points = if ty == GgmlType::Q4_1 {
                ZeroPoints::Min(zf)
            } else {
                // 8 for every block, two per byte, each row padded to whole bytes.
                ZeroPoints::U8(vec![0x88; n * (k / 32).div_ceil(2)])
            };
            Ok(NBits {
                bits: 4,
                block: 32,
                k,
                n,
                b,
                scales,
                zero_points,
            })
        }
        GgmlType::Q8_0 => {
            let mut b = Vec::with_capacity(blocks * 32);
            let mut scales = Vec::with_capacity(blocks);
            for blk in raw.chunks_exact(34).take(blocks) {
                scales.push(half_at(blk, 0));
                b.extend(blk[2..].iter().map(|&q| q ^ 0x80));
            }
            Ok(NBits {
                bits: 8,
                block: 32,
                k,
                n,
                b,
                scales,
                zero_points: ZeroPoints::U8(vec![128; blocks]),
            })
        }
        GgmlType::Q4_K | GgmlType::Q5_K | GgmlType::Q6_K => {
            if k % 256 != 0 {
                return Err(Error::Model(format!(
                    "a K-quant matrix's inner size {k} is not a multiple of 256"
                )));
            }
            let size = ty.bytes(256).unwrap_or(0);
            let supers = k / 256 * n;
            let (mut b, mut scales, mut mins) = (Vec::new(), Vec::new(), Vec::new());
            for blk in raw.chunks_exact(size).take(supers) {
                for s in kquant_block(ty, blk) {
                    scales.push(s.scale);
                    if ty == GgmlType::Q4_K {
                        b.extend((0..16).map(|i| s.q[2 * i] | (s.q[2 * i + 1] << 4)));
                    } else {
                        b.extend_from_slice(&s.q[..s.len]);
                    }
                    if ty != GgmlType::Q6_K {
                        mins.push(s.add);
                    }
                }
            }
            let (bits, block, zero_points) = match ty {
                GgmlType::Q4_K => (4, 32, ZeroPoints::Min(mins)),
                GgmlType::Q5_K => (8, 32, ZeroPoints::Min(mins)),
                _ => (8, 16, ZeroPoints::U8(vec![32; k / 16 * n])),
            };
            Ok(NBits {
                bits,
                block,
                k,
                n,
                b,
                scales,
                zero_points,
            })
        }
        other => Err(Error::Model(format!("{} has no exact MatMulNBits form", other.name()))),
    }
}

/// One sub-block of a K-quant super-block: w = scale * (q - offset) + add.
struct Sub {
    scale: f32,
    add: f32,
    /// Unsigned quants (Q6_K's still carry their +32).
    q: [u8; 32],
    len: usize,
}

/// Q4_K and Q5_K's 6-bit scale and minimum of sub-block `j` (ggml's get_scale_min_k4).
fn scale_min_k4(j: usize, q: &[u8]) -> (u8, u8) {
    if j < 4 {
        (q[j] & 63, q[j + 4] & 63)
    } else {
        (
            (q[j + 4] & 0x0F) | ((q[j - 4] >> 6) << 4),
            (q[j + 4] >> 4) | ((q[j] >> 6) << 4),
        )
    }
}

/// The sub-blocks of one K-quant super-block of 256, in element order.
fn kquant_block(ty: GgmlType, blk: &[u8]) -> Vec<Sub> {
    let mut out = Vec::with_capacity(16);
    match ty {
        GgmlType::Q4_K | GgmlType::Q5_K => {
            let (d, dmin) = (half_at(blk, 0), half_at(blk, 2));
            let sc = &blk[4..16];
            let (qh, ql) = if ty == GgmlType::Q5_K {
                (&blk[16..48], &blk[48..176])
            } else {
                (&blk[0..0], &blk[16..144])
            };
            for j in 0..4 {
                for half in 0..2 {
                    let is = 2 * j + half;
                    let (s, m) = scale_min_k4(is, sc);
                    let mut q = [0u8; 32];
                    for (l, v) in q.iter_mut().enumerate() {
                        let nib = if half == 0 {
                            ql[32 * j + l] & 0x0F
                        } else {
                            ql[32 * j + l] >> 4
                        };
                        let high = if ty == GgmlType::Q5_K {
                            ((qh[l] >> is) & 1) << 4
                        } else {
                            0
                        };
                        *v = nib | high;
                    }
                    out.push(Sub {
                        scale: d * f32::from(s),
                        add: -(dmin * f32::from(m)),
                        q,
                        len: 32,
                    });
                }
            }
        }
        _ => {
            // Q6_K: ql[128], qh[64], scales[16] (signed), d.
            let (ql, qh, sc, d) = (&blk[0..128], &blk[128..192], &blk[192..208], half_at(blk, 208));
            let mut vals = [0u8; 256];
            for n in 0..2 {
                let (ql, qh) = (&ql[64 * n..], &qh[32 * n..]);
                for l in 0..32 {
                    let base = 128 * n + l;
                    vals[base] = (ql[l] & 0x0F) | ((qh[l] & 3) << 4);
                    vals[base + 32] = (ql[l + 32] & 0x0F) | (((qh[l] >> 2) & 3) << 4);
                    vals[base + 64] = (ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4);
                    vals[base + 96] = (ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4);
                }
            }
            for (i, chunk) in vals.chunks_exact(16).enumerate() {
                let mut q = [0u8; 32];
                q[..16].copy_from_slice(chunk);
                out.push(Sub {
                    scale: d * f32::from(sc[i] as i8),
                    add: 0.0,
                    q,
                    len: 16,
                });
            }
        }
    }
    out
}

/// Every element as f32, in GGUF order.
pub fn dequantize(ty: GgmlType, raw: &[u8], count: usize) -> Result<Vec<f32>, Error> {
    let mut out = Vec::with_capacity(count);
    match ty {
        GgmlType::F32 => out.extend(
            raw.chunks_exact(4)
                .take(count)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])),
        ),
        GgmlType::F16 => out.extend(
            raw.chunks_exact(2)
                .take(count)
                .map(|c| f16::from_le_bytes([c[0], c[1]]).to_f32()),
        ),
        // bfloat16 is the top half of an f32: exact.
        GgmlType::BF16 => out.extend(
            raw.chunks_exact(2)
                .take(count)
                .map(|c| f32::from_bits(u32::from(u16::from_le_bytes([c[0], c[1]])) << 16)),
        ),
        GgmlType::Q4_0 => {
            for blk in raw.chunks_exact(18).take(count / 32) {
                let d = half_at(blk, 0);
                out.extend((0..32).map(|j| d * (f32::from(q4(&blk[2..], j)) - 8.0)));
            }
        }
        GgmlType::Q4_1 => {
            for blk in raw.chunks_exact(20).take(count / 32) {
                let (d, m) = (half_at(blk, 0), half_at(blk, 2));
                out.extend((0..32).map(|j| d * f32::from(q4(&blk[4..], j)) + m));
            }
        }
        GgmlType::Q8_0 => {
            for blk in raw.chunks_exact(34).take(count / 32) {
                let d = half_at(blk, 0);
                out.extend(blk[2..].iter().map(|&q| d * f32::from(q as i8)));
            }
        }
        GgmlType::Q4_K | GgmlType::Q5_K | GgmlType::Q6_K => {
            let size = ty.bytes(256).unwrap_or(0);
            let offset = if ty == GgmlType::Q6_K { 32.0 } else { 0.0 };
            for blk in raw.chunks_exact(size).take(count / 256) {
                for s in kquant_block(ty, blk) {
                    out.extend(s.q[..s.len].iter().map(|&q| s.scale * (f32::from(q) - offset) + s.add));
                }
            }
        }
        other => return Err(Error::Model(format!("{} cannot be read yet", other.name()))),
    }
    if out.len() != count {
        return Err(Error::Model("a tensor is shorter than its dimensions".into()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The MatMulNBits reading of the operands gives back the GGUF values.
    fn unpack(nb: &NBits) -> Vec<f32> {
        let kb = nb.k / nb.block;
        let mut out = Vec::new();
        for row in 0..nb.n {
            for blk in 0..kb {
                let i = row * kb + blk;
                let s = nb.scales[i];
                let blob = nb.bits as usize * nb.block / 8;
                let bytes = &nb.b[i * blob..(i + 1) * blob];
                for j in 0..nb.block {
                    let q = if nb.bits == 4 {
                        f32::from((bytes[j / 2] >> (4 * (j % 2))) & 0x0F)
                    } else {
                        f32::from(bytes[j])
                    };
                    let (z, add) = match &nb.zero_points {
                        ZeroPoints::Min(m) => (0.0, m[i]),
                        ZeroPoints::U8(z) if nb.bits == 4 => (
                            f32::from((z[row * kb.div_ceil(2) + blk / 2] >> (4 * (blk % 2))) & 0x0F),
                            0.0,
                        ),
                        ZeroPoints::U8(z) => (f32::from(z[i]), 0.0),
                    };
                    out.push((q - z) * s + add);
                }
            }
        }
        out
    }

    fn random_blocks(ty: GgmlType, n_blocks: usize, seed: u64) -> Vec<u8> {
        let mut rng = crate::sample::Rng::new(seed);
        let size = ty.bytes(32).unwrap();
        let mut raw = Vec::new();
        for _ in 0..n_blocks {
            let mut blk: Vec<u8> = (0..size).map(|_| rng.next_u64() as u8).collect();
            let d = f16::from_f32(rng.next_f32() * 0.1 + 0.001).to_le_bytes();
            blk[..2].copy_from_slice(&d);
            if ty == GgmlType::Q4_1 {
                let m = f16::from_f32(rng.next_f32() * -0.5).to_le_bytes();
                blk[2..4].copy_from_slice(&m);
            }
            raw.extend(blk);
        }
        raw
    }

    #[test]
    fn k_quants_read_as_the_reference_implementation_reads_them() {
        // Random blocks dequantized by the `gguf` Python package (ggml's reference code).
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/kquants.json")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        for (name, ty) in [
            ("Q4_K", GgmlType::Q4_K),
            ("Q5_K", GgmlType::Q5_K),
            ("Q6_K", GgmlType::Q6_K),
        ] {
            let case = &v["types"][name];
            let raw = hex::decode(case["hex"].as_str().unwrap()).unwrap();
            let want: Vec<f32> = case["values"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_f64().unwrap() as f32)
                .collect();
            let got = dequantize(ty, &raw, want.len()).unwrap();
            let worst = want
                .iter()
                .zip(&got)
                .map(|(a, b)| (a - b).abs() / a.abs().max(1.0))
                .fold(0.0f32, f32::max);
            assert!(worst < 1e-6, "{name}: differs from the reference by {worst}");
            // And MatMulNBits reads the same values back: [K = 256, N = 2].
            let nb = nbits(ty, &raw, 256, 2).unwrap();
            let back = unpack(&nb);
            let worst = want
                .iter()
                .zip(&back)
                .map(|(a, b)| (a - b).abs() / a.abs().max(1.0))
                .fold(0.0f32, f32::max);
            assert!(worst < 1e-5, "{name}: MatMulNBits form differs by {worst}");
        }
    }

    #[test]
    fn blocks_map_to_matmulnbits_exactly() {
        for ty in [GgmlType::Q4_0, GgmlType::Q4_1, GgmlType::Q8_0] {
            let (k, n) = (96, 5);
            let raw = random_blocks(ty, k / 32 * n, ty.id() as u64);
            let want = dequantize(ty, &raw, k * n).unwrap();
            let got = unpack(&nbits(ty, &raw, k, n).unwrap());
            let worst = want.iter().zip(&got).map(|(a, b)| (a - b).abs()).fold(0.0f32, f32::max);
            assert!(worst < 1e-5, "{}: max error {worst}", ty.name());
        }
    }
}
