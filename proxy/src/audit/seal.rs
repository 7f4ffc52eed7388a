//! Sealed segments: a closed segment compressed with zstd, in the zstd
//! seekable format, so that it takes about a seventh of the space and a
//! reader can still fetch one line without decompressing the whole file.
//!
//! `audit-000007.jsonl.zst` holds the exact bytes of `audit-000007.jsonl`:
//! zstd frames of whole lines (at most [`FRAME_BYTES`] each, with content
//! size and checksum), then one skippable frame with the seek table
//! (compressed and decompressed size of each frame), as the zstd seekable
//! format lays it out (`zstd/contrib/seekable_format`). `zstd -d` reads it
//! as it is. The chain hashes and signatures are over the decompressed
//! lines, so a sealed trail verifies exactly as a plain one; a flipped byte
//! fails the frame's checksum (or the table's sizes) and `verify` names the
//! segment and the records from there.
//!
//! Sealing is atomic: the compressed file is written beside the segment as
//! `.zst.tmp`, decompressed again and compared, fsynced, renamed into
//! place, and only then is the plain segment removed. A crash at any point
//! leaves a plain segment, a complete sealed one, or both (readers prefer
//! the sealed one; the next start finishes the job).

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::AuditError;

/// The most uncompressed bytes in one frame: what a random read (the
/// console reading one record back) decompresses.
pub const FRAME_BYTES: usize = 1 << 20;
/// zstd's level: `-3`, the default, about 7 times smaller on this trail.
pub const LEVEL: i32 = 3;
/// The sealed form of a segment: `audit-000007.jsonl` -> `audit-000007.jsonl.zst`.
pub const EXT: &str = "zst";

const SKIPPABLE_MAGIC: u32 = 0x184D_2A5E;
const SEEKABLE_MAGIC: u32 = 0x8F92_EAB1;
/// Footer: number of frames (4), descriptor (1), magic (4).
const FOOTER: u64 = 9;

/// One frame: where it is in the file and in the segment's bytes.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub c_off: u64,
    pub c_len: u32,
    pub u_off: u64,
    pub u_len: u32,
}

/// The frames of a sealed segment.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub frames: Vec<Frame>,
    /// The uncompressed length of the segment.
    pub len: u64,
}

impl Table {
    /// The frame holding uncompressed offset `at` (the index of the first
    /// frame past the end when `at` is at or past it).
    pub fn frame_at(&self, at: u64) -> usize {
        self.frames.partition_point(|f| f.u_off + u64::from(f.u_len) <= at)
    }
}

fn damaged(path: &Path, what: impl std::fmt::Display) -> AuditError {
    AuditError::Corrupt(format!("{}: {what}", name(path)))
}

fn name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().to_string())
}

/// The sealed path of a plain segment.
pub fn sealed_path(plain: &Path) -> PathBuf {
    let mut s = plain.as_os_str().to_owned();
    s.push(".");
    s.push(EXT);
    PathBuf::from(s)
}

/// Whether `path` is a sealed segment.
pub fn is_sealed(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == EXT)
}

/// Compresses a segment's bytes into the sealed form: frames of whole lines.
pub fn encode(bytes: &[u8]) -> Result<Vec<u8>, AuditError> {
    let mut out = Vec::with_capacity(bytes.len() / 6 + 64);
    let mut sizes: Vec<(u32, u32)> = Vec::new();
    let mut rest = bytes;
    let mut cx = zstd::bulk::Compressor::new(LEVEL).map_err(|e| AuditError::Io(format!("zstd: {e}")))?;
    cx.include_checksum(true)
        .and_then(|_| cx.include_contentsize(true))
        .map_err(|e| AuditError::Io(format!("zstd: {e}")))?;
    while !rest.is_empty() {
        // Cut after the last newline within the frame size (a line longer
        // than a frame gets a frame of its own).
        let cut = if rest.len() <= FRAME_BYTES {
            rest.len()
        } else {
            match rest[..FRAME_BYTES].iter().rposition(|&b| b == b'\n') {
                Some(i) => i + 1,
                None => rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |i| i + 1),
            }
        };
        let (chunk, tail) = rest.split_at(cut);
        let frame = cx.compress(chunk).map_err(|e| AuditError::Io(format!("zstd: {e}")))?;
        let c = u32::try_from(frame.len()).map_err(|_| AuditError::Io("zstd frame over 4 GiB".into()))?;
        let u = u32::try_from(chunk.len()).map_err(|_| AuditError::Io("line over 4 GiB".into()))?;
        sizes.push((c, u));
        out.extend_from_slice(&frame);
        rest = tail;
    }
    let n = u32::try_from(sizes.len()).map_err(|_| AuditError::Io("too many frames".into()))?;
    out.extend_from_slice(&SKIPPABLE_MAGIC.to_le_bytes());
    out.extend_from_slice(&(n * 8 + FOOTER as u32).to_le_bytes());
    for (c, u) in sizes {
        out.extend_from_slice(&c.to_le_bytes());
        out.extend_from_slice(&u.to_le_bytes());
    }
    out.extend_from_slice(&n.to_le_bytes());
    out.push(0);
    out.extend_from_slice(&SEEKABLE_MAGIC.to_le_bytes());
    Ok(out)
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Reads the seek table at the end of an open sealed segment.
pub fn table(path: &Path, f: &mut File) -> Result<Table, AuditError> {
    let io = |e: std::io::Error| AuditError::Io(format!("{}: {e}", path.display()));
    let size = f.metadata().map_err(io)?.len();
    if size < FOOTER + 8 {
        return Err(damaged(path, "too short for a sealed segment"));
    }
    let mut footer = [0u8; FOOTER as usize];
    f.seek(SeekFrom::Start(size - FOOTER)).map_err(io)?;
    f.read_exact(&mut footer).map_err(io)?;
    let n = u64::from(u32_at(&footer, 0).unwrap_or(0));
    if u32_at(&footer, 5) != Some(SEEKABLE_MAGIC) || footer[4] & 0x80 != 0 {
        return Err(damaged(
            path,
            "the seek table's footer is not there (altered or damaged)",
        ));
    }
    let table_len = 8 + n * 8 + FOOTER;
    if table_len > size {
        return Err(damaged(
            path,
            "the seek table does not fit the file (altered or damaged)",
        ));
    }
    let mut t = vec![0u8; usize::try_from(table_len - FOOTER).unwrap_or(0)];
    f.seek(SeekFrom::Start(size - table_len)).map_err(io)?;
    f.read_exact(&mut t).map_err(io)?;
    if u32_at(&t, 0) != Some(SKIPPABLE_MAGIC) || u64::from(u32_at(&t, 4).unwrap_or(0)) != n * 8 + FOOTER {
        return Err(damaged(path, "the seek table's header is wrong (altered or damaged)"));
    }
    let mut table = Table::default();
    let mut c_off = 0u64;
    for i in 0..n as usize {
        let c_len = u32_at(&t, 8 + i * 8).unwrap_or(0);
        let u_len = u32_at(&t, 12 + i * 8).unwrap_or(0);
        table.frames.push(Frame {
            c_off,
            c_len,
            u_off: table.len,
            u_len,
        });
        c_off += u64::from(c_len);
        table.len += u64::from(u_len);
    }
    if c_off != size - table_len {
        return Err(damaged(
            path,
            "the seek table's frame sizes do not add up to the file (altered or damaged)",
        ));
    }
    Ok(table)
}

/// Decompresses frame `i` of an open sealed segment.
pub fn frame(path: &Path, f: &mut File, t: &Table, i: usize) -> Result<Vec<u8>, AuditError> {
    let fr = t.frames.get(i).ok_or_else(|| damaged(path, format!("no frame {i}")))?;
    let io = |e: std::io::Error| AuditError::Io(format!("{}: {e}", path.display()));
    let mut c = vec![0u8; fr.c_len as usize];
    f.seek(SeekFrom::Start(fr.c_off)).map_err(io)?;
    f.read_exact(&mut c).map_err(io)?;
    let out = zstd::bulk::decompress(&c, fr.u_len as usize).map_err(|e| {
        damaged(
            path,
            format!(
                "compressed frame {i} (bytes {} to {} of the segment) does not decompress: {e} (altered or damaged)",
                fr.u_off,
                fr.u_off + u64::from(fr.u_len)
            ),
        )
    })?;
    if out.len() != fr.u_len as usize {
        return Err(damaged(
            path,
            format!("compressed frame {i} is not the size its seek table says (altered or damaged)"),
        ));
    }
    Ok(out)
}

/// Seals the closed plain segment at `plain`: writes, checks, syncs and
/// renames the compressed form, then removes the plain file. Returns the
/// bytes before and after.
pub fn seal(plain: &Path) -> Result<(u64, u64), AuditError> {
    let io = |e: std::io::Error| AuditError::Io(format!("{}: {e}", plain.display()));
    let bytes = std::fs::read(plain).map_err(io)?;
    let sealed = sealed_path(plain);
    let tmp = {
        let mut s = sealed.as_os_str().to_owned();
        s.push(".tmp");
        PathBuf::from(s)
    };
    let encoded = encode(&bytes)?;
    let write = || -> std::io::Result<()> {
        let mut f = File::create(&tmp)?;
        f.write_all(&encoded)?;
        f.sync_all()
    };
    write().map_err(io)?;
    // Read back what is on disk before the plain copy goes.
    let same = File::open(&tmp)
        .map_err(io)
        .and_then(|mut f| {
            let t = table(&tmp, &mut f)?;
            let mut back = Vec::with_capacity(bytes.len());
            for i in 0..t.frames.len() {
                back.extend_from_slice(&frame(&tmp, &mut f, &t, i)?);
            }
            Ok(back == bytes)
        })
        .unwrap_or(false);
    if !same {
        let _ = std::fs::remove_file(&tmp);
        return Err(AuditError::Io(format!(
            "{}: the sealed copy does not read back as the segment; kept plain",
            plain.display()
        )));
    }
    std::fs::rename(&tmp, &sealed).map_err(io)?;
    if let Some(dir) = plain.parent() {
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
    std::fs::remove_file(plain).map_err(io)?;
    if let Some(dir) = plain.parent() {
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
    Ok((bytes.len() as u64, encoded.len() as u64))
}

/// Finishes what a crash interrupted: removes `.zst.tmp` files, and the
/// plain copy of a segment already sealed (the sealed file gets its name
/// only once it is complete and read back).
pub fn clean(dir: &Path) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let n = e.file_name().to_string_lossy().to_string();
        if !n.starts_with("audit-") {
            continue;
        }
        if n.ends_with(".jsonl.zst.tmp") {
            let _ = std::fs::remove_file(e.path());
        } else if let Some(plain) = n.strip_suffix(".zst").filter(|p| p.ends_with(".jsonl")) {
            let _ = std::fs::remove_file(dir.join(plain));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_hold_whole_lines_and_the_table_finds_them() {
        let mut text = Vec::new();
        for i in 0..30_000 {
            text.extend_from_slice(format!("{{\"seq\":{i},\"pad\":\"{}\"}}\n", "x".repeat(i % 97)).as_bytes());
        }
        let enc = encode(&text).unwrap();
        assert!(enc.len() * 5 < text.len(), "{} of {}", enc.len(), text.len());
        // zstd itself reads the whole file (the skippable table is skipped).
        assert_eq!(zstd::stream::decode_all(&enc[..]).unwrap(), text);
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("audit-000001.jsonl.zst");
        std::fs::write(&p, &enc).unwrap();
        let mut f = File::open(&p).unwrap();
        let t = table(&p, &mut f).unwrap();
        assert!(t.frames.len() > 1);
        assert_eq!(t.len, text.len() as u64);
        for (i, fr) in t.frames.iter().enumerate() {
            let b = frame(&p, &mut f, &t, i).unwrap();
            assert_eq!(b.last(), Some(&b'\n'));
            assert_eq!(&text[fr.u_off as usize..][..b.len()], &b[..]);
            assert_eq!(t.frame_at(fr.u_off), i);
        }
        assert_eq!(t.frame_at(t.len), t.frames.len());
        assert!(encode(b"").unwrap().len() == 8 + 9);
    }
}
