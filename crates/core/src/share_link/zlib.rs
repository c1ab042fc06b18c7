//! zlib for the share links outside the browser (`wizard-cli`, the tests): miniz_oxide. The
//! page packs and unpacks with the browser's own `CompressionStream("deflate")`, which writes
//! and reads the same format (zlib, RFC 1950), so no compressor ships in the page.

use super::Unpacked;

/// Level 9: the shortest links; a link is a few kilobytes at most.
pub fn compress(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 9)
}

/// Inflates `packed`, checking zlib's checksum, refusing more than `limit` bytes of output.
pub fn decompress(packed: &[u8], limit: usize) -> Unpacked {
    use miniz_oxide::inflate::{decompress_to_vec_zlib_with_limit, TINFLStatus};
    decompress_to_vec_zlib_with_limit(packed, limit).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => super::UnpackError::TooLarge,
        _ => super::UnpackError::Damaged,
    })
}
