//! GGUF blocks as MatMulNBits operands, exactly (block size 32):
//! - Q4_0: w = d * (q - 8)       -> 4 bits, scale d, zero point 8
//! - Q4_1: w = d * q + m         -> 4 bits, scale d, float zero point -m/d
//! - Q8_0: w = d * q (q signed)  -> 8 bits, q + 128, scale d, zero point 128
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
                k,
                n,
                b,
                scales,
                zero_points: ZeroPoints::U8(vec![128; blocks]),
            })
        }
        other => Err(Error::Model(format!("{} has no exact MatMulNBits form", other.name()))),
    }
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
        let kb = nb.k / 32;
        let mut out = Vec::new();
        for row in 0..nb.n {
            for blk in 0..kb {
                let i = row * kb + blk;
                let s = nb.scales[i];
                let blob = nb.bits as usize * 4;
                let bytes = &nb.b[i * blob..(i + 1) * blob];
                for j in 0..32 {
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
