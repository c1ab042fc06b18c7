//! The writer: LZ77 with one step of lazy matching, then one deflate block with Huffman codes
//! made for the data, or the fixed codes when those are shorter.

use super::{
    adler32, fixed_literal_lengths, CODE_LENGTH_ORDER, DISTANCE_BASE, DISTANCE_EXTRA, LENGTH_BASE,
    LENGTH_EXTRA,
};

/// Deflate's window: a match reaches at most this far back.
const WINDOW: usize = 32 * 1024;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
const HASH_BITS: u32 = 12;
/// Candidates tried per position: enough for JSON's repeated keys, bounded for long inputs.
const MAX_CHAIN: usize = 128;
/// A match this long ends the search (zlib's "nice length" at its default level).
const NICE_MATCH: usize = 128;
/// Only a match shorter than this is worth looking one byte further for a longer one.
const LAZY_BELOW: usize = 32;
const NONE: u32 = u32::MAX;

/// `data` as a zlib stream.
pub fn compress(data: &[u8]) -> Vec<u8> {
    let tokens = lz77(data);
    // The block with the fixed codes or with codes made for this data, whichever is shorter
    // (the fixed ones win for a few dozen bytes, where the dynamic codes' table costs more).
    let fixed = block(&tokens, &Codes::fixed(), None);
    let (literal_lengths, distance_lengths) = dynamic_lengths(&tokens);
    let dynamic = block(
        &tokens,
        &Codes::new(&literal_lengths, &distance_lengths),
        Some((&literal_lengths, &distance_lengths)),
    );
    let body = if dynamic.len() < fixed.len() {
        dynamic
    } else {
        fixed
    };
    // CMF 0x78 (deflate, 32 KiB window), FLG 0x01: no dictionary, and 0x7801 is a multiple of 31.
    let mut bytes = Vec::with_capacity(body.len() + 6);
    bytes.extend_from_slice(&[0x78, 0x01]);
    bytes.extend_from_slice(&body);
    bytes.extend_from_slice(&adler32(data).to_be_bytes());
    bytes
}

/// A literal byte, or a copy of `length` bytes from `distance` back.
#[derive(Clone, Copy)]
enum Token {
    Literal(u8),
    Match { length: u16, distance: u16 },
}

/// Greedy matching with one step of lazy matching: a longer match starting at the next byte
/// wins over the one here.
fn lz77(data: &[u8]) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(data.len() / 2);
    let mut matcher = Matcher {
        data,
        head: vec![NONE; 1 << HASH_BITS],
        previous: vec![NONE; data.len()],
    };
    let mut at = 0;
    // The match found at `at` when it was the next byte (lazy matching looked there already).
    let mut known: Option<(usize, usize)> = None;
    while at < data.len() {
        let (length, distance) = known.take().unwrap_or_else(|| matcher.longest(at));
        matcher.insert(at);
        if (MIN_MATCH..LAZY_BELOW).contains(&length) {
            let next = matcher.longest(at + 1);
            if next.0 > length {
                tokens.push(Token::Literal(data[at]));
                known = Some(next);
                at += 1;
                continue;
            }
        }
        if length >= MIN_MATCH {
            tokens.push(Token::Match {
                length: length as u16,
                distance: distance as u16,
            });
            // Inside a long match only its last positions are recorded (zlib's faster levels
            // record none): recording every one was a quarter of the time, for 0.1% shorter
            // links.
            (at + 1 + length.saturating_sub(LAZY_BELOW)..at + length)
                .for_each(|i| matcher.insert(i));
            at += length;
        } else {
            tokens.push(Token::Literal(data[at]));
            at += 1;
        }
    }
    tokens
}

/// Earlier positions by the hash of their first three bytes, newest first.
struct Matcher<'d> {
    data: &'d [u8],
    head: Vec<u32>,
    previous: Vec<u32>,
}

impl Matcher<'_> {
    #[inline(always)]
    fn hash(&self, at: usize) -> usize {
        let d = self.data;
        let word = u32::from(d[at]) << 16 | u32::from(d[at + 1]) << 8 | u32::from(d[at + 2]);
        (word.wrapping_mul(2_654_435_761) >> (32 - HASH_BITS)) as usize
    }

    /// Records the position (once it is behind the writer, it can be matched).
    #[inline(always)]
    fn insert(&mut self, at: usize) {
        if at + MIN_MATCH <= self.data.len() {
            let h = self.hash(at);
            self.previous[at] = self.head[h];
            self.head[h] = at as u32;
        }
    }

    /// The longest earlier match for the bytes at `at`: (length, distance), length 0 if none.
    fn longest(&self, at: usize) -> (usize, usize) {
        let d = self.data;
        if at + MIN_MATCH > d.len() {
            return (0, 0);
        }
        let limit = MAX_MATCH.min(d.len() - at);
        let (mut best, mut distance) = (0, 0);
        let mut candidate = self.head[self.hash(at)];
        let mut tries = MAX_CHAIN;
        while candidate != NONE && tries > 0 {
            let from = candidate as usize;
            // Every position inserted is behind `at`; one out of reach ends the chain.
            if !at
                .checked_sub(from)
                .is_some_and(|back| (1..=WINDOW).contains(&back))
            {
                break;
            }
            if d[from + best] == d[at + best] {
                let length = d[from..from + limit]
                    .iter()
                    .zip(&d[at..at + limit])
                    .take_while(|(a, b)| a == b)
                    .count();
                if length > best {
                    (best, distance) = (length, at - from);
                    if length >= NICE_MATCH.min(limit) {
                        break;
                    }
                }
            }
            candidate = self.previous[from];
            tries -= 1;
        }
        (best, distance)
    }
}

/// Bits packed from the least significant end, as deflate stores them.
#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    pending: u32,
    count: u32,
}

impl BitWriter {
    fn bits(&mut self, value: u32, count: u32) {
        self.pending |= value << self.count;
        self.count += count;
        while self.count >= 8 {
            self.bytes.push(self.pending as u8);
            self.pending >>= 8;
            self.count -= 8;
        }
    }

    /// A Huffman code: stored from its most significant bit.
    fn code(&mut self, code: u32, length: u8) {
        let length = u32::from(length);
        self.bits(code.reverse_bits() >> (32 - length), length);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.count > 0 {
            self.bytes.push(self.pending as u8);
        }
        self.bytes
    }
}

const END_OF_BLOCK: usize = 256;
/// The index of the last base not above `value`: the code, and what the extra bits add.
fn code_of(bases: &[u16], value: u16) -> usize {
    bases.iter().rposition(|&b| b <= value).unwrap_or(0)
}

/// Huffman codes for literals and lengths (0..=285) and for distances (0..=29).
struct Codes {
    literal: Vec<(u32, u8)>,
    distance: Vec<(u32, u8)>,
}

impl Codes {
    fn fixed() -> Self {
        Codes::new(&fixed_literal_lengths(), &[5; 30])
    }

    fn new(literal_lengths: &[u8], distance_lengths: &[u8]) -> Self {
        Codes {
            literal: canonical(literal_lengths),
            distance: canonical(distance_lengths),
        }
    }
}

/// The canonical codes for these code lengths (RFC 1951 §3.2.2).
fn canonical(lengths: &[u8]) -> Vec<(u32, u8)> {
    let mut count = [0u32; 16];
    for &length in lengths.iter().filter(|&&l| l > 0) {
        count[usize::from(length)] += 1;
    }
    let mut next = [0u32; 16];
    let mut code = 0;
    for bits in 1..16 {
        code = (code + count[bits - 1]) << 1;
        next[bits] = code;
    }
    lengths
        .iter()
        .map(|&length| {
            let code = next[usize::from(length)];
            next[usize::from(length)] += 1;
            (code, length)
        })
        .collect()
}

/// One final block: with `table` a dynamic one (its code lengths written first), else fixed.
fn block(tokens: &[Token], codes: &Codes, table: Option<(&[u8], &[u8])>) -> Vec<u8> {
    let mut out = BitWriter::default();
    out.bits(1, 1); // the last block
    match table {
        None => out.bits(1, 2),
        Some((literal_lengths, distance_lengths)) => {
            out.bits(2, 2);
            write_table(&mut out, literal_lengths, distance_lengths);
        }
    }
    for token in tokens {
        match *token {
            Token::Literal(byte) => {
                let (code, length) = codes.literal[usize::from(byte)];
                out.code(code, length);
            }
            Token::Match { length, distance } => {
                let index = code_of(&LENGTH_BASE, length);
                let (code, bits) = codes.literal[257 + index];
                out.code(code, bits);
                out.bits(
                    u32::from(length - LENGTH_BASE[index]),
                    u32::from(LENGTH_EXTRA[index]),
                );
                let index = code_of(&DISTANCE_BASE, distance);
                let (code, bits) = codes.distance[index];
                out.code(code, bits);
                out.bits(
                    u32::from(distance - DISTANCE_BASE[index]),
                    u32::from(DISTANCE_EXTRA[index]),
                );
            }
        }
    }
    let (code, length) = codes.literal[END_OF_BLOCK];
    out.code(code, length);
    out.finish()
}

/// Code lengths made from how often each literal, length and distance code occurs.
fn dynamic_lengths(tokens: &[Token]) -> (Vec<u8>, Vec<u8>) {
    let mut literal = vec![0u32; 286];
    let mut distance = vec![0u32; 30];
    literal[END_OF_BLOCK] = 1;
    for token in tokens {
        match *token {
            Token::Literal(byte) => literal[usize::from(byte)] += 1,
            Token::Match {
                length,
                distance: back,
            } => {
                literal[257 + code_of(&LENGTH_BASE, length)] += 1;
                distance[code_of(&DISTANCE_BASE, back)] += 1;
            }
        }
    }
    (code_lengths(&literal, 15), code_lengths(&distance, 15))
}

/// Huffman code lengths of at most `limit` bits (public for its tests). At least two symbols
/// get a code (a complete code, which every inflater accepts); while the longest code is too
/// long, the frequencies are halved, which flattens the tree, and the code is made again.
/// Needs at least two symbols and at most 2^`limit` of them (deflate's alphabets have 19, 30 and
/// 286, with limits 7 and 15): more could never fit, and this would not end.
pub fn code_lengths(frequencies: &[u32], limit: u8) -> Vec<u8> {
    assert!(
        frequencies.len() >= 2 && frequencies.len() <= 1 << limit,
        "deflate's alphabets only"
    );
    let mut frequencies = frequencies.to_vec();
    for symbol in 0..2 {
        if frequencies.iter().filter(|&&f| f > 0).count() < 2 && frequencies[symbol] == 0 {
            frequencies[symbol] = 1;
        }
    }
    loop {
        let lengths = huffman_lengths(&frequencies);
        if lengths.iter().all(|&l| l <= limit) {
            return lengths;
        }
        for f in frequencies.iter_mut().filter(|f| **f > 1) {
            *f = f.div_ceil(2);
        }
    }
}

/// Each symbol's depth in a Huffman tree of these frequencies (0: the symbol does not occur).
fn huffman_lengths(frequencies: &[u32]) -> Vec<u8> {
    use std::cmp::Reverse;
    let mut parent: Vec<usize> = Vec::new();
    let mut leaf = vec![usize::MAX; frequencies.len()];
    let mut heap = std::collections::BinaryHeap::new();
    for (symbol, &f) in frequencies.iter().enumerate().filter(|(_, &f)| f > 0) {
        leaf[symbol] = parent.len();
        heap.push(Reverse((f, parent.len())));
        parent.push(usize::MAX);
    }
    while let (Some(Reverse((f1, a))), Some(Reverse((f2, b)))) = (heap.pop(), heap.pop()) {
        let node = parent.len();
        parent.push(usize::MAX);
        parent[a] = node;
        parent[b] = node;
        heap.push(Reverse((f1.saturating_add(f2), node)));
    }
    leaf.iter()
        .map(|&node| {
            let mut depth = 0;
            let mut at = node;
            while at != usize::MAX && parent[at] != usize::MAX {
                at = parent[at];
                depth += 1;
            }
            depth
        })
        .collect()
}

/// A dynamic block's table: the code lengths, run-length coded with the code-length code.
fn write_table(out: &mut BitWriter, literal_lengths: &[u8], distance_lengths: &[u8]) {
    let literals = 257.max(
        literal_lengths
            .iter()
            .rposition(|&l| l > 0)
            .map_or(0, |i| i + 1),
    );
    let distances = 1.max(
        distance_lengths
            .iter()
            .rposition(|&l| l > 0)
            .map_or(0, |i| i + 1),
    );
    let lengths: Vec<u8> = literal_lengths[..literals]
        .iter()
        .chain(&distance_lengths[..distances])
        .copied()
        .collect();
    // (symbol 0..=18, extra bits' value): 16 repeats the previous length 3-6 times, 17 and 18
    // write 3-10 and 11-138 zeros.
    let mut runs: Vec<(usize, u32)> = Vec::new();
    let mut at = 0;
    while at < lengths.len() {
        let value = lengths[at];
        let mut run = lengths[at..].iter().take_while(|&&l| l == value).count();
        at += run;
        if value == 0 {
            while run >= 11 {
                let n = run.min(138);
                runs.push((18, (n - 11) as u32));
                run -= n;
            }
            if run >= 3 {
                runs.push((17, (run - 3) as u32));
                run = 0;
            }
        } else {
            runs.push((usize::from(value), 0));
            run -= 1;
            while run >= 3 {
                let n = run.min(6);
                runs.push((16, (n - 3) as u32));
                run -= n;
            }
        }
        runs.extend(std::iter::repeat_n((usize::from(value), 0), run));
    }
    let mut frequencies = [0u32; 19];
    for &(symbol, _) in &runs {
        frequencies[symbol] += 1;
    }
    let code_length_lengths = code_lengths(&frequencies, 7);
    let code_length_codes = canonical(&code_length_lengths);
    let listed = 4.max(
        CODE_LENGTH_ORDER
            .iter()
            .rposition(|&s| code_length_lengths[s] > 0)
            .map_or(0, |i| i + 1),
    );
    out.bits((literals - 257) as u32, 5);
    out.bits((distances - 1) as u32, 5);
    out.bits((listed - 4) as u32, 4);
    for &symbol in &CODE_LENGTH_ORDER[..listed] {
        out.bits(u32::from(code_length_lengths[symbol]), 3);
    }
    for (symbol, extra) in runs {
        let (code, length) = code_length_codes[symbol];
        out.code(code, length);
        match symbol {
            16 => out.bits(extra, 2),
            17 => out.bits(extra, 3),
            18 => out.bits(extra, 7),
            _ => {}
        }
    }
}
