//! Reading JSON text (RFC 8259) into a `serde_json::Value`, step for step as
//! `serde_json::from_str` does, so that the same texts are accepted, the same values come out and
//! a refusal carries serde_json's message and position ("expected value at line 1 column 5").

use serde_json::{Map, Number, Value};

const EOF_WHILE_PARSING_LIST: &str = "EOF while parsing a list";
const EOF_WHILE_PARSING_OBJECT: &str = "EOF while parsing an object";
const EOF_WHILE_PARSING_STRING: &str = "EOF while parsing a string";
const EOF_WHILE_PARSING_VALUE: &str = "EOF while parsing a value";
const EXPECTED_COLON: &str = "expected `:`";
const EXPECTED_LIST_COMMA_OR_END: &str = "expected `,` or `]`";
const EXPECTED_OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
const EXPECTED_IDENT: &str = "expected ident";
const EXPECTED_VALUE: &str = "expected value";
const INVALID_ESCAPE: &str = "invalid escape";
const INVALID_NUMBER: &str = "invalid number";
const NUMBER_OUT_OF_RANGE: &str = "number out of range";
const CONTROL_CHARACTER: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY_MUST_BE_A_STRING: &str = "key must be a string";
const LONE_LEADING_SURROGATE: &str = "lone leading surrogate in hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING_CHARACTERS: &str = "trailing characters";
const UNEXPECTED_END_OF_HEX_ESCAPE: &str = "unexpected end of hex escape";
const RECURSION_LIMIT_EXCEEDED: &str = "recursion limit exceeded";
/// See [`Parser::float`].
pub const NUMBER_NOT_SUPPORTED: &str =
    "number of 1e23 or more, or needing a power of ten beyond 1e22 or 1e-22, is not supported";

/// Arrays and objects nest at most 127 deep, as in serde_json: the reader recurses, and share
/// links come from strangers.
const DEPTH_LIMIT: u8 = 128;

/// The value of a JSON text, or serde_json's message for the first fault with its line and
/// column (in bytes, as serde_json counts).
///
/// Numbers with a fraction or an exponent get serde_json's f64 (its default arithmetic: the
/// digits as an integer, then one multiplication or division by a power of ten), except when
/// that power of ten is beyond 1e22 or 1e-22 (after moving the decimal point to the end of the
/// digits): only powers up to 1e22 are exact in an f64, so serde_json reads the others from a
/// table of them, which the page does without. Numbers of 1e23 or more are refused too,
/// although their digits may fit: written back, they come out as `1e+23`, which needs that
/// table, and what the app reads it must read again (its own files and links). Such numbers are
/// refused with [`NUMBER_NOT_SUPPORTED`], never read as a different value; Resource Manager's
/// answers about the network settings the wizard imports do not carry them.
pub fn parse(text: &str) -> Result<Value, String> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        index: 0,
        depth_left: DEPTH_LIMIT,
    };
    let value = parser
        .value()
        .and_then(|value| match parser.skip_whitespace() {
            Some(_) => Err(parser.peek_fault(TRAILING_CHARACTERS)),
            None => Ok(value),
        });
    value.map_err(|fault| fault.describe(parser.bytes))
}

/// A refusal and the byte offset serde_json reports it at.
struct Fault {
    message: &'static str,
    at: usize,
}

impl Fault {
    /// `message at line L column C`, both counted as serde_json does: the column is the number
    /// of bytes from the line's start up to `at`.
    fn describe(&self, bytes: &[u8]) -> String {
        let before = &bytes[..self.at];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |nl| nl + 1);
        let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
        let column = self.at - line_start;
        format!("{} at line {line} column {column}", self.message)
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    index: usize,
    depth_left: u8,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.index).copied()
    }

    fn next_byte(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.index += 1;
        Some(byte)
    }

    /// A fault in the byte just read.
    fn fault(&self, message: &'static str) -> Fault {
        Fault {
            message,
            at: self.index,
        }
    }

    /// A fault in the byte about to be read (the end when there is none).
    fn peek_fault(&self, message: &'static str) -> Fault {
        Fault {
            message,
            at: (self.index + 1).min(self.bytes.len()),
        }
    }

    /// Skips whitespace and returns the next byte, unread.
    fn skip_whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.index += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Result<Value, Fault> {
        let Some(first) = self.skip_whitespace() else {
            return Err(self.peek_fault(EOF_WHILE_PARSING_VALUE));
        };
        match first {
            b'n' => self.word(b"null", Value::Null),
            b't' => self.word(b"true", Value::Bool(true)),
            b'f' => self.word(b"false", Value::Bool(false)),
            b'-' => {
                self.index += 1;
                self.number(false)
            }
            b'0'..=b'9' => self.number(true),
            b'"' => {
                self.index += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => {
                self.depth_left -= 1;
                if self.depth_left == 0 {
                    return Err(self.peek_fault(RECURSION_LIMIT_EXCEEDED));
                }
                self.index += 1;
                let value = if first == b'[' {
                    self.array()
                } else {
                    self.object()
                };
                self.depth_left += 1;
                value
            }
            _ => Err(self.peek_fault(EXPECTED_VALUE)),
        }
    }

    /// `null`, `true` or `false`, whose first byte is known to match.
    fn word(&mut self, word: &[u8], value: Value) -> Result<Value, Fault> {
        self.index += 1;
        for &expected in &word[1..] {
            match self.next_byte() {
                None => return Err(self.fault(EOF_WHILE_PARSING_VALUE)),
                Some(byte) if byte != expected => return Err(self.fault(EXPECTED_IDENT)),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    /// The elements after `[`, and the `]`.
    fn array(&mut self) -> Result<Value, Fault> {
        let mut items = Vec::new();
        loop {
            let Some(next) = self.skip_whitespace() else {
                return Err(self.peek_fault(EOF_WHILE_PARSING_LIST));
            };
            if next == b']' {
                self.index += 1;
                return Ok(Value::Array(items));
            }
            if !items.is_empty() {
                if next != b',' {
                    return Err(self.peek_fault(EXPECTED_LIST_COMMA_OR_END));
                }
                self.index += 1;
                match self.skip_whitespace() {
                    Some(b']') => return Err(self.peek_fault(TRAILING_COMMA)),
                    Some(_) => {}
                    None => return Err(self.peek_fault(EOF_WHILE_PARSING_VALUE)),
                }
            }
            items.push(self.value()?);
        }
    }

    /// The members after `{`, and the `}`. A repeated key keeps its first place and its last
    /// value (`Map::insert`, as serde_json).
    fn object(&mut self) -> Result<Value, Fault> {
        let mut fields = Map::new();
        loop {
            let Some(next) = self.skip_whitespace() else {
                return Err(self.peek_fault(EOF_WHILE_PARSING_OBJECT));
            };
            if next == b'}' {
                self.index += 1;
                return Ok(Value::Object(fields));
            }
            let key_start = if fields.is_empty() {
                Some(next)
            } else if next == b',' {
                self.index += 1;
                match self.skip_whitespace() {
                    Some(b'}') => return Err(self.peek_fault(TRAILING_COMMA)),
                    None => return Err(self.peek_fault(EOF_WHILE_PARSING_VALUE)),
                    key_start => key_start,
                }
            } else {
                return Err(self.peek_fault(EXPECTED_OBJECT_COMMA_OR_END));
            };
            if key_start != Some(b'"') {
                return Err(self.peek_fault(KEY_MUST_BE_A_STRING));
            }
            self.index += 1;
            let key = self.string()?;
            match self.skip_whitespace() {
                Some(b':') => self.index += 1,
                Some(_) => return Err(self.peek_fault(EXPECTED_COLON)),
                None => return Err(self.peek_fault(EOF_WHILE_PARSING_OBJECT)),
            }
            let value = self.value()?;
            fields.insert(key, value);
        }
    }

    /// The characters after `"`, and the closing `"`.
    fn string(&mut self) -> Result<String, Fault> {
        let mut out = String::new();
        // The first byte not yet copied. Runs end at ASCII bytes, so they are whole characters.
        let mut start = self.index;
        loop {
            while let Some(byte) = self.peek() {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.index += 1;
            }
            let Some(byte) = self.peek() else {
                return Err(self.fault(EOF_WHILE_PARSING_STRING));
            };
            out.push_str(&self.text[start..self.index]);
            self.index += 1;
            match byte {
                b'"' => return Ok(out),
                b'\\' => self.escape(&mut out)?,
                _ => return Err(self.fault(CONTROL_CHARACTER)),
            }
            start = self.index;
        }
    }

    /// The escape after a backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), Fault> {
        let Some(byte) = self.next_byte() else {
            return Err(self.fault(EOF_WHILE_PARSING_STRING));
        };
        out.push(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\x08',
            b'f' => '\x0c',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => return Err(self.fault(INVALID_ESCAPE)),
        });
        Ok(())
    }

    /// The character of `\uXXXX`, or of a UTF-16 surrogate pair `\uD83D\uDE00`. A surrogate
    /// on its own is refused: a Rust string cannot hold it.
    fn unicode_escape(&mut self) -> Result<char, Fault> {
        let first = self.hex_escape()?;
        if (0xDC00..=0xDFFF).contains(&first) {
            // serde_json's name for a trailing surrogate on its own.
            return Err(self.fault(LONE_LEADING_SURROGATE));
        }
        if !(0xD800..=0xDBFF).contains(&first) {
            return Ok(char::from_u32(first).expect("not a surrogate"));
        }
        for expected in [b'\\', b'u'] {
            match self.next_byte() {
                None => return Err(self.fault(EOF_WHILE_PARSING_STRING)),
                Some(byte) if byte != expected => {
                    return Err(self.fault(UNEXPECTED_END_OF_HEX_ESCAPE))
                }
                Some(_) => {}
            }
        }
        let second = self.hex_escape()?;
        if !(0xDC00..=0xDFFF).contains(&second) {
            return Err(self.fault(LONE_LEADING_SURROGATE));
        }
        let code = 0x1_0000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        Ok(char::from_u32(code).expect("a surrogate pair is a character"))
    }

    /// The four hex digits after `\u`.
    fn hex_escape(&mut self) -> Result<u32, Fault> {
        let Some(digits) = self.bytes.get(self.index..self.index + 4) else {
            self.index = self.bytes.len();
            return Err(self.fault(EOF_WHILE_PARSING_STRING));
        };
        self.index += 4;
        let mut code = 0;
        for &digit in digits {
            match (digit as char).to_digit(16) {
                Some(value) => code = code * 16 + value,
                None => return Err(self.fault(INVALID_ESCAPE)),
            }
        }
        Ok(code)
    }

    /// A number, after its `-` if any. Integers that fit are kept as u64 or i64; others become
    /// f64 from the decimal digits (as many as fit a u64, later ones only count as a power of
    /// ten) and the exponent, as serde_json reads them.
    fn number(&mut self, positive: bool) -> Result<Value, Fault> {
        let Some(first) = self.next_byte() else {
            return Err(self.fault(EOF_WHILE_PARSING_VALUE));
        };
        let mut digits: u64 = 0;
        let mut exponent: i32 = 0;
        match first {
            b'0' => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_fault(INVALID_NUMBER));
                }
            }
            b'1'..=b'9' => {
                digits = u64::from(first - b'0');
                while let Some(digit @ b'0'..=b'9') = self.peek() {
                    self.index += 1;
                    // Once the digits overflow a u64 the later ones only count as powers of
                    // ten (serde_json).
                    match append_digit(digits, digit).filter(|_| exponent == 0) {
                        Some(more) => digits = more,
                        None => exponent += 1,
                    }
                }
                if exponent > 0 {
                    return self.fraction_and_exponent(positive, digits, exponent);
                }
            }
            _ => return Err(self.fault(INVALID_NUMBER)),
        }
        if let Some(b'.' | b'e' | b'E') = self.peek() {
            return self.fraction_and_exponent(positive, digits, 0);
        }
        if positive {
            return Ok(Value::from(digits));
        }
        // `-0` and integers below i64::MIN become floats, as in serde_json.
        match 0i64.checked_sub_unsigned(digits) {
            Some(negative) if negative < 0 => Ok(Value::from(negative)),
            _ => Ok(float_value(-(digits as f64))),
        }
    }

    /// The optional fraction and exponent of a float whose integer digits are read.
    fn fraction_and_exponent(
        &mut self,
        positive: bool,
        mut digits: u64,
        mut exponent: i32,
    ) -> Result<Value, Fault> {
        if self.peek() == Some(b'.') {
            self.index += 1;
            let mut fraction_digits = 0;
            let mut overflowed = false;
            while let Some(digit @ b'0'..=b'9') = self.peek() {
                self.index += 1;
                fraction_digits += 1;
                // Once the digits overflow a u64 the later ones are dropped (serde_json).
                match append_digit(digits, digit).filter(|_| !overflowed) {
                    Some(more) => {
                        digits = more;
                        exponent -= 1;
                    }
                    None => overflowed = true,
                }
            }
            if fraction_digits == 0 {
                return Err(match self.peek() {
                    Some(_) => self.peek_fault(INVALID_NUMBER),
                    None => self.peek_fault(EOF_WHILE_PARSING_VALUE),
                });
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.index += 1;
            let positive_exponent = match self.peek() {
                Some(b'-') => {
                    self.index += 1;
                    false
                }
                Some(b'+') => {
                    self.index += 1;
                    true
                }
                _ => true,
            };
            let mut written: i32 = match self.next_byte() {
                Some(digit @ b'0'..=b'9') => i32::from(digit - b'0'),
                Some(_) => return Err(self.fault(INVALID_NUMBER)),
                None => return Err(self.fault(EOF_WHILE_PARSING_VALUE)),
            };
            while let Some(digit @ b'0'..=b'9') = self.peek() {
                self.index += 1;
                let more = written
                    .checked_mul(10)
                    .and_then(|w| w.checked_add(i32::from(digit - b'0')));
                match more {
                    Some(more) => written = more,
                    // An exponent beyond i32: infinity is refused, the rest reads as zero.
                    None if digits != 0 && positive_exponent => {
                        return Err(self.fault(NUMBER_OUT_OF_RANGE))
                    }
                    None => {
                        while let Some(b'0'..=b'9') = self.peek() {
                            self.index += 1;
                        }
                        return Ok(float_value(if positive { 0.0 } else { -0.0 }));
                    }
                }
            }
            exponent = if positive_exponent {
                exponent.saturating_add(written)
            } else {
                exponent.saturating_sub(written)
            };
        }
        self.float(positive, digits, exponent)
    }

    /// `digits × 10^exponent` as serde_json computes it: the digits as an f64, then one
    /// multiplication or division by the power of ten. Powers up to 1e22 are exact in an f64
    /// (10^22 = 2^22 × 5^22 and 5^22 < 2^53), so they are computed here; further ones serde_json
    /// takes from its table of rounded powers, and those numbers are refused instead.
    fn float(&self, positive: bool, digits: u64, exponent: i32) -> Result<Value, Fault> {
        let mut float = digits as f64;
        if digits != 0 {
            // Beyond serde_json's table: infinity, which it refuses.
            if exponent > 308 {
                return Err(self.fault(NUMBER_OUT_OF_RANGE));
            }
            if exponent.unsigned_abs() > 22 {
                return Err(self.fault(NUMBER_NOT_SUPPORTED));
            }
            let power = (0..exponent.unsigned_abs()).fold(1.0, |power, _| power * 10.0);
            if exponent >= 0 {
                float *= power;
            } else {
                float /= power;
            }
            // Below 1e23 the shortest form written back has at most 17 digits ending at a
            // power of ten of at least -22 (it is never longer than the digits read), so it
            // reads again; from 1e23 on it needs a power beyond 1e22.
            if float >= 1e23 {
                return Err(self.fault(NUMBER_NOT_SUPPORTED));
            }
        }
        Ok(float_value(if positive { float } else { -float }))
    }
}

/// `digits` with one more decimal digit, unless that overflows a u64.
fn append_digit(digits: u64, digit: u8) -> Option<u64> {
    digits.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
}

/// A finite float (every float read here is: at most 1.9e19 × 1e22).
fn float_value(float: f64) -> Value {
    Value::Number(Number::from_f64(float).expect("a finite float"))
}
