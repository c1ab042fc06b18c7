//! A minimal ZIP writer (stored, not compressed) for "download all outputs" as one file: every
//! browser lets a page start one download without asking, and every system opens a .zip.

/// CRC-32 (IEEE), bit by bit: a few hundred kilobytes at most, once per click.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A .zip holding these files (name, content) as they are. `date` is `YYYY-MM-DD`, stamped on
/// every entry (noon, so no time zone moves it to another day). Entries carry Unix modes, so
/// unzip and the file managers that honour them make a `.sh` executable (rwxr-xr-x) and the
/// rest plain files (rw-r--r--).
pub fn zip_stored(files: &[(&str, &[u8])], date: &str) -> Vec<u8> {
    let mut parts = date.split('-').map(|p| p.parse::<u16>().unwrap_or(1));
    let (year, month, day) = (
        parts.next().unwrap_or(1980),
        parts.next().unwrap_or(1),
        parts.next().unwrap_or(1),
    );
    let dos_date = (year.saturating_sub(1980) << 9) | (month << 5) | day;
    let dos_time = 12 << 11;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        // Local file header.
        u32le(&mut out, 0x0403_4b50);
        u16le(&mut out, 20); // version needed: 2.0
        u16le(&mut out, 1 << 11); // names are UTF-8
        u16le(&mut out, 0); // stored
        u16le(&mut out, dos_time);
        u16le(&mut out, dos_date);
        u32le(&mut out, crc);
        u32le(&mut out, size);
        u32le(&mut out, size);
        u16le(&mut out, name.len() as u16);
        u16le(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Its central directory entry.
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, (3 << 8) | 20); // made by: Unix, 2.0 (the modes below are Unix's)
        u16le(&mut central, 20);
        u16le(&mut central, 1 << 11);
        u16le(&mut central, 0);
        u16le(&mut central, dos_time);
        u16le(&mut central, dos_date);
        u32le(&mut central, crc);
        u32le(&mut central, size);
        u32le(&mut central, size);
        u16le(&mut central, name.len() as u16);
        u16le(&mut central, 0); // extra
        u16le(&mut central, 0); // comment
        u16le(&mut central, 0); // disk
        u16le(&mut central, 0); // internal attributes
        let mode: u32 = if name.ends_with(".sh") {
            0o100755
        } else {
            0o100644
        };
        u32le(&mut central, mode << 16); // external attributes: the Unix mode
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = out.len() as u32;
    let central_size = central.len() as u32;
    out.extend_from_slice(&central);
    // End of central directory.
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, files.len() as u16);
    u16le(&mut out, files.len() as u16);
    u32le(&mut out, central_size);
    u32le(&mut out, central_offset);
    u16le(&mut out, 0);
    out
}
