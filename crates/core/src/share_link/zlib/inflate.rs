//! The reader: any zlib stream (stored, fixed and dynamic blocks), its output capped and its
//! checksum checked. Codes are decoded a bit at a time, as in zlib's reference decoder `puff`:
//! slower than table lookups, but a link is a few kilobytes and the code is small.

use super::{
    adler32, fixed_literal_lengths, CODE_LENGTH_ORDER, DISTANCE_BASE, DISTANCE_EXTRA, LENGTH_BASE,
    LENGTH_EXTRA,
};

/// Why a stream was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InflateError {
    /// It unpacks to more than the limit.
    TooLarge,
    /// Cut off, not zlib, inconsistent codes, or a wrong checksum.
    Damaged,
}

/// The data a zlib stream holds, at most `limit` bytes of it.
pub fn decompress(stream: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    use InflateError::Damaged;
    let [method, flags, ..] = *stream else {
        return Err(Damaged);
    };
    // Deflate with a window of at most 32 KiB, the header's check, and no preset dictionary.
    if method & 0x0f != 8
        || method >> 4 > 7
        || (u16::from(method) << 8 | u16::from(flags)) % 31 != 0
        || flags & 0x20 != 0
    {
        return Err(Damaged);
    }
    let mut input = Bits {
        bytes: &stream[2..],
        at: 0,
        pending: 0,
        count: 0,
    };
    // The fixed codes, made once: a link may hold thousands of tiny fixed blocks. The distance
    // code has 32 entries, as in zlib: 30 and 31 are refused when read.
    let fixed = (
        Huffman::new(&fixed_literal_lengths())?,
        Huffman::new(&[5; 32])?,
    );
    let mut out = Vec::new();
    loop {
        let last = input.bits(1)? == 1;
        match input.bits(2)? {
            0 => stored(&mut input, &mut out)?,
            1 => codes(&mut input, &mut out, &fixed.0, &fixed.1, limit)?,
            2 => {
                let (literal, distance) = dynamic_codes(&mut input)?;
                codes(&mut input, &mut out, &literal, &distance, limit)?;
            }
            _ => return Err(Damaged),
        }
        if out.len() > limit {
            return Err(InflateError::TooLarge);
        }
        if last {
            break;
        }
    }
    // The checksum follows on the next whole byte, most significant byte first.
    let checksum = input.whole_bytes(4)?;
    if u32::from_be_bytes([checksum[0], checksum[1], checksum[2], checksum[3]]) != adler32(&out) {
        return Err(Damaged);
    }
    Ok(out)
}

/// Bits from the least significant end of each byte, as deflate stores them.
struct Bits<'s> {
    bytes: &'s [u8],
    at: usize,
    pending: u32,
    count: u32,
}

impl<'s> Bits<'s> {
    fn bits(&mut self, count: u32) -> Result<u32, InflateError> {
        while self.count < count {
            let byte = *self.bytes.get(self.at).ok_or(InflateError::Damaged)?;
            self.at += 1;
            self.pending |= u32::from(byte) << self.count;
            self.count += 8;
        }
        let value = self.pending & ((1u32 << count) - 1);
        self.pending >>= count;
        self.count -= count;
        Ok(value)
    }

    /// The next `count` bytes as they are. They start on a byte: the bits left of the current
    /// one are dropped (a stored block and the checksum begin there; fewer than 8 are held).
    fn whole_bytes(&mut self, count: usize) -> Result<&'s [u8], InflateError> {
        self.pending = 0;
        self.count = 0;
        let bytes = self
            .bytes
            .get(self.at..self.at + count)
            .ok_or(InflateError::Damaged)?;
        self.at += count;
        Ok(bytes)
    }

    /// One symbol: the code's bits are read from its most significant end, and compared with
    /// the first code of each length (canonical codes are consecutive within a length).
    fn symbol(&mut self, huffman: &Huffman) -> Result<usize, InflateError> {
        let (mut code, mut first, mut index) = (0usize, 0usize, 0usize);
        for &count in &huffman.count[1..] {
            code |= self.bits(1)? as usize;
            let count = usize::from(count);
            if code < first + count {
                return Ok(usize::from(huffman.symbols[index + code - first]));
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err(InflateError::Damaged)
    }
}

/// A stored block: its length, the length's complement, then the bytes as they are.
fn stored(input: &mut Bits, out: &mut Vec<u8>) -> Result<(), InflateError> {
    let header = input.whole_bytes(4)?;
    let length = u16::from_le_bytes([header[0], header[1]]);
    if length != !u16::from_le_bytes([header[2], header[3]]) {
        return Err(InflateError::Damaged);
    }
    out.extend_from_slice(input.whole_bytes(usize::from(length))?);
    Ok(())
}

/// A canonical Huffman code: how many codes each length has, and the symbols in code order.
struct Huffman {
    count: [u16; 16],
    symbols: Vec<u16>,
}

impl Huffman {
    /// Refuses lengths that describe more codes than the code space holds, or fewer (an
    /// incomplete code), as zlib does: only a lone code of one bit, or no code at all, may
    /// leave the space unfilled. (The checksum is then not the only defence of a link.)
    fn new(lengths: &[u8]) -> Result<Self, InflateError> {
        let mut count = [0u16; 16];
        for &length in lengths {
            count[usize::from(length)] += 1;
        }
        count[0] = 0;
        let mut left: i32 = 1;
        for &n in &count[1..] {
            left = (left << 1) - i32::from(n);
            if left < 0 {
                return Err(InflateError::Damaged);
            }
        }
        let codes: u16 = count.iter().sum();
        if left > 0 && !(codes == 0 || (codes == 1 && count[1] == 1)) {
            return Err(InflateError::Damaged);
        }
        // Symbols by code length, in symbol order within a length: the canonical code's order.
        // (A loop per length rather than a sort: the page then carries no sort for this.)
        let symbols: Vec<u16> = (1..=15u8)
            .flat_map(|length| {
                (0..lengths.len() as u16).filter(move |&s| lengths[usize::from(s)] == length)
            })
            .collect();
        Ok(Huffman { count, symbols })
    }
}

/// A dynamic block's two codes, read from its run-length coded table.
fn dynamic_codes(input: &mut Bits) -> Result<(Huffman, Huffman), InflateError> {
    use InflateError::Damaged;
    let literals = input.bits(5)? as usize + 257;
    let distances = input.bits(5)? as usize + 1;
    let listed = input.bits(4)? as usize + 4;
    if literals > 286 || distances > 30 {
        return Err(Damaged);
    }
    let mut code_length_lengths = [0u8; 19];
    for &symbol in &CODE_LENGTH_ORDER[..listed] {
        code_length_lengths[symbol] = input.bits(3)? as u8;
    }
    let code_length_code = Huffman::new(&code_length_lengths)?;
    let mut lengths = Vec::with_capacity(literals + distances);
    while lengths.len() < literals + distances {
        let (value, times) = match input.symbol(&code_length_code)? {
            length @ 0..=15 => (length as u8, 1),
            16 => (*lengths.last().ok_or(Damaged)?, 3 + input.bits(2)?),
            17 => (0, 3 + input.bits(3)?),
            _ => (0, 11 + input.bits(7)?),
        };
        if lengths.len() + times as usize > literals + distances {
            return Err(Damaged);
        }
        lengths.extend(std::iter::repeat_n(value, times as usize));
    }
    // A block without an end-of-block code could never end.
    if lengths[256] == 0 {
        return Err(Damaged);
    }
    let (literal, distance) = lengths.split_at(literals);
    Ok((Huffman::new(literal)?, Huffman::new(distance)?))
}

/// A compressed block's literals and copies, up to its end-of-block code.
fn codes(
    input: &mut Bits,
    out: &mut Vec<u8>,
    literal: &Huffman,
    distance: &Huffman,
    limit: usize,
) -> Result<(), InflateError> {
    use InflateError::Damaged;
    loop {
        let symbol = input.symbol(literal)?;
        match symbol {
            // The limit is checked before the output grows (a bomb never gets past it).
            0..=255 if out.len() >= limit => return Err(InflateError::TooLarge),
            0..=255 => out.push(symbol as u8),
            256 => return Ok(()),
            _ => {
                let index = symbol - 257;
                let base = *LENGTH_BASE.get(index).ok_or(Damaged)?;
                let length =
                    usize::from(base) + input.bits(u32::from(LENGTH_EXTRA[index]))? as usize;
                let index = input.symbol(distance)?;
                let base = *DISTANCE_BASE.get(index).ok_or(Damaged)?;
                let back =
                    usize::from(base) + input.bits(u32::from(DISTANCE_EXTRA[index]))? as usize;
                let from = out.len().checked_sub(back).ok_or(Damaged)?;
                if out.len() + length > limit {
                    return Err(InflateError::TooLarge);
                }
                // Byte by byte: a copy may overlap what it writes (distance below length).
                for i in from..from + length {
                    out.push(out[i]);
                }
            }
        }
    }
}
