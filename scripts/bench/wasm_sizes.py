"""A wasm module's size as the page would ship it: custom sections (names, the toolchain's
notes) left out, then raw and gzip -9 bytes, code and data each gzipped alone beside it.

    python3 scripts/bench/wasm_sizes.py MODULE.wasm
"""

import sys
import zlib

from size_parts import sections


def leb_bytes(value):
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    data = open(sys.argv[1], "rb").read()
    shipped = bytearray(data[:8])
    code = data_section = b""
    for kind, body in sections(data):
        if kind == 0:
            continue
        shipped += bytes([kind]) + leb_bytes(len(body)) + body
        if kind == 10:
            code = body
        elif kind == 11:
            data_section = body
    kb = lambda n: f"{n / 1000:.1f} kB"
    print(f"module without custom sections: {kb(len(shipped))} raw, {kb(len(zlib.compress(bytes(shipped), 9)))} gzip -9")
    print(f"  code alone: {kb(len(code))} raw, {kb(len(zlib.compress(code, 9)))} gzip -9")
    print(f"  data alone: {kb(len(data_section))} raw, {kb(len(zlib.compress(data_section, 9)))} gzip -9")


if __name__ == "__main__":
    main()
