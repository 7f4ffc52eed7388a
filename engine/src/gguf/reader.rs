//! GGUF files (version 2 and 3): metadata and tensor directory, read from
//! memory. The format: magic `GGUF`, version, tensor and key counts; typed
//! key/value metadata; tensor infos (name, dims innermost first, type,
//! offset); then the data, aligned to `general.alignment` (32).

use std::collections::BTreeMap;

use crate::Error;

#[derive(Debug, Clone, PartialEq)]
pub enum Meta {
    Int(i64),
    Float(f64),
    Bool(bool),
    Str(String),
    Arr(Vec<Meta>),
}

impl Meta {
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Meta::Int(i) => u64::try_from(*i).ok(),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Meta::Float(f) => Some(*f),
            Meta::Int(i) => Some(*i as f64),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Meta::Str(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_arr(&self) -> Option<&[Meta]> {
        match self {
            Meta::Arr(a) => Some(a),
            _ => None,
        }
    }
}

/// ggml tensor types the importer knows (ggml's own names).
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GgmlType {
    F32,
    F16,
    Q4_0,
    Q4_1,
    Q8_0,
    Q4_K,
    Q5_K,
    Q6_K,
    BF16,
    Other(u32),
}

impl GgmlType {
    fn from_u32(t: u32) -> GgmlType {
        match t {
            0 => GgmlType::F32,
            1 => GgmlType::F16,
            2 => GgmlType::Q4_0,
            3 => GgmlType::Q4_1,
            8 => GgmlType::Q8_0,
            12 => GgmlType::Q4_K,
            13 => GgmlType::Q5_K,
            14 => GgmlType::Q6_K,
            30 => GgmlType::BF16,
            other => GgmlType::Other(other),
        }
    }

    pub fn id(self) -> u32 {
        match self {
            GgmlType::F32 => 0,
            GgmlType::F16 => 1,
            GgmlType::Q4_0 => 2,
            GgmlType::Q4_1 => 3,
            GgmlType::Q8_0 => 8,
            GgmlType::Q4_K => 12,
            GgmlType::Q5_K => 13,
            GgmlType::Q6_K => 14,
            GgmlType::BF16 => 30,
            GgmlType::Other(t) => t,
        }
    }

    pub fn name(self) -> String {
        match self {
            GgmlType::F32 => "F32".into(),
            GgmlType::F16 => "F16".into(),
            GgmlType::Q4_0 => "Q4_0".into(),
            GgmlType::Q4_1 => "Q4_1".into(),
            GgmlType::Q8_0 => "Q8_0".into(),
            GgmlType::Q4_K => "Q4_K".into(),
            GgmlType::Q5_K => "Q5_K".into(),
            GgmlType::Q6_K => "Q6_K".into(),
            GgmlType::BF16 => "BF16".into(),
            GgmlType::Other(10) => "Q2_K".into(),
            GgmlType::Other(11) => "Q3_K".into(),
            GgmlType::Other(t) => format!("ggml type {t}"),
        }
    }

    /// Bytes for `n` elements (n a multiple of the block size).
    pub fn bytes(self, n: usize) -> Option<usize> {
        match self {
            GgmlType::F32 => Some(n * 4),
            GgmlType::F16 | GgmlType::BF16 => Some(n * 2),
            GgmlType::Q4_0 => Some(n / 32 * 18),
            GgmlType::Q4_1 => Some(n / 32 * 20),
            GgmlType::Q8_0 => Some(n / 32 * 34),
            GgmlType::Q4_K => Some(n / 256 * 144),
            GgmlType::Q5_K => Some(n / 256 * 176),
            GgmlType::Q6_K => Some(n / 256 * 210),
            GgmlType::Other(_) => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct TensorInfo {
    pub name: String,
    /// Innermost first (`[K, N]` for a matrix of N rows of K).
    pub dims: Vec<u64>,
    pub ty: GgmlType,
    pub offset: u64,
}

impl TensorInfo {
    pub fn elements(&self) -> usize {
        self.dims.iter().product::<u64>() as usize
    }
}

pub struct Gguf {
    pub version: u32,
    pub meta: BTreeMap<String, Meta>,
    pub tensors: Vec<TensorInfo>,
    data: Vec<u8>,
    data_start: usize,
}

struct Cursor<'a> {
    b: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], Error> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or_else(|| Error::Model(format!("GGUF: truncated at byte {} (wanted {n} more)", self.at)))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn arr<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32, Error> {
        Ok(u32::from_le_bytes(self.arr()?))
    }
    fn u64(&mut self) -> Result<u64, Error> {
        Ok(u64::from_le_bytes(self.arr()?))
    }
    fn string(&mut self) -> Result<String, Error> {
        let n = self.u64()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| Error::Model("GGUF: a string is not UTF-8".into()))
    }
    fn value(&mut self, ty: u32, depth: u32) -> Result<Meta, Error> {
        Ok(match ty {
            0 => Meta::Int(i64::from(self.arr::<1>()?[0])),
            1 => Meta::Int(i64::from(i8::from_le_bytes(self.arr()?))),
            2 => Meta::Int(i64::from(u16::from_le_bytes(self.arr()?))),
            3 => Meta::Int(i64::from(i16::from_le_bytes(self.arr()?))),
            4 => Meta::Int(i64::from(self.u32()?)),
            5 => Meta::Int(i64::from(i32::from_le_bytes(self.arr()?))),
            6 => Meta::Float(f64::from(f32::from_le_bytes(self.arr()?))),
            7 => Meta::Bool(self.arr::<1>()?[0] != 0),
            8 => Meta::Str(self.string()?),
            9 => {
                if depth > 2 {
                    return Err(Error::Model("GGUF: arrays nested too deep".into()));
                }
                let inner = self.u32()?;
                let n = self.u64()? as usize;
                if n > self.b.len() {
                    return Err(Error::Model("GGUF: array longer than the file".into()));
                }
                let mut v = Vec::with_capacity(n);
                for _ in 0..n {
                    v.push(self.value(inner, depth + 1)?);
                }
                Meta::Arr(v)
            }
            10 => Meta::Int(i64::try_from(self.u64()?).unwrap_or(i64::MAX)),
            11 => Meta::Int(i64::from_le_bytes(self.arr()?)),
            12 => Meta::Float(f64::from_le_bytes(self.arr()?)),
            other => return Err(Error::Model(format!("GGUF: unknown metadata type {other}"))),
        })
    }
}

impl Gguf {
    pub fn parse(data: Vec<u8>) -> Result<Gguf, Error> {
        let mut c = Cursor { b: &data, at: 0 };
        if c.take(4)? != b"GGUF" {
            return Err(Error::Model("not a GGUF file (no GGUF magic)".into()));
        }
        let version = c.u32()?;
        if !(2..=3).contains(&version) {
            return Err(Error::Model(format!(
                "GGUF version {version} is not supported (2 or 3)"
            )));
        }
        let n_tensors = c.u64()? as usize;
        let n_kv = c.u64()? as usize;
        let mut meta = BTreeMap::new();
        for _ in 0..n_kv {
            let key = c.string()?;
            let ty = c.u32()?;
            meta.insert(key, c.value(ty, 0)?);
        }
        let mut tensors = Vec::with_capacity(n_tensors.min(1 << 16));
        for _ in 0..n_tensors {
            let name = c.string()?;
            let nd = c.u32()? as usize;
            if nd > 4 {
                return Err(Error::Model(format!("GGUF: tensor {name} has {nd} dimensions")));
            }
            let dims = (0..nd).map(|_| c.u64()).collect::<Result<Vec<_>, _>>()?;
            let ty = GgmlType::from_u32(c.u32()?);
            let offset = c.u64()?;
            tensors.push(TensorInfo { name, dims, ty, offset });
        }
        let align = meta
            .get("general.alignment")
            .and_then(Meta::as_u64)
            .unwrap_or(32)
            .max(1) as usize;
        let data_start = c.at.div_ceil(align) * align;
        let g = Gguf {
            version,
            meta,
            tensors,
            data,
            data_start,
        };
        for t in &g.tensors {
            g.bytes_of(t)?;
        }
        Ok(g)
    }

    pub fn tensor(&self, name: &str) -> Option<&TensorInfo> {
        self.tensors.iter().find(|t| t.name == name)
    }

    /// The raw bytes of a tensor (checked against the file's length).
    pub fn bytes_of(&self, t: &TensorInfo) -> Result<&[u8], Error> {
        let n = t.ty.bytes(t.elements()).ok_or_else(|| {
            Error::Model(format!(
                "tensor {} is {}, which the importer does not read",
                t.name,
                t.ty.name()
            ))
        })?;
        let start = self.data_start + t.offset as usize;
        self.data
            .get(start..start + n)
            .ok_or_else(|| Error::Model(format!("GGUF: tensor {} lies past the end of the file", t.name)))
    }

    pub fn get(&self, key: &str) -> Option<&Meta> {
        self.meta.get(key)
    }

    pub fn require(&self, key: &str) -> Result<&Meta, Error> {
        self.meta
            .get(key)
            .ok_or_else(|| Error::Model(format!("GGUF metadata has no `{key}`")))
    }
}
