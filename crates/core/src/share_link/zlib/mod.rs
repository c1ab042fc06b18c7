//! zlib streams (RFC 1950, deflate RFC 1951) for share links, written and read by this crate:
//! a link holds a few hundred bytes to a few kilobytes of JSON. miniz_oxide did both before; the
//! page's download is smaller without it (docs/performance.md has the figures). The writer's
//! links are about as long as miniz_oxide's at level 9 (a test holds them within 1%); any
//! inflater reads them, and the reader reads any zlib stream, the links made before included
//! (the tests hold both to zlib itself and to miniz_oxide).

mod deflate;
mod inflate;

pub use deflate::{code_lengths, compress};
pub use inflate::{decompress, InflateError};

/// Lengths 3..=258: the first length of each code 257..=285 and its extra bits.
pub(super) const LENGTH_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
pub(super) const LENGTH_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
/// Distances 1..=32768: the first distance of each code 0..=29 and its extra bits.
pub(super) const DISTANCE_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
pub(super) const DISTANCE_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
/// The order in which a dynamic block lists the code-length code's lengths.
pub(super) const CODE_LENGTH_ORDER: [usize; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

/// The fixed literal/length code's lengths (RFC 1951 §3.2.6); every fixed distance code has 5.
pub(super) fn fixed_literal_lengths() -> Vec<u8> {
    (0..288)
        .map(|symbol| match symbol {
            0..=143 => 8,
            144..=255 => 9,
            256..=279 => 7,
            _ => 8,
        })
        .collect()
}

/// zlib's checksum of the uncompressed data.
pub(super) fn adler32(data: &[u8]) -> u32 {
    const MOD: u32 = 65_521;
    let (mut a, mut b) = (1u32, 0u32);
    // 5552 bytes is the most that can be summed before the sums could overflow.
    for chunk in data.chunks(5552) {
        for &byte in chunk {
            a += u32::from(byte);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    b << 16 | a
}
