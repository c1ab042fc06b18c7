"""Where the wasm's bytes are: its code by part (Leptos, the crate's core and views, Rust's
standard library, ...) and its data section, each gzipped alone, then the largest functions.

    python3 scripts/bench/size_parts.py WASM_WITH_NAMES [TOP]

The wasm must keep its function names (scripts/size-parts.sh builds one); it is the module
rustc makes, before wasm-bindgen and wasm-opt, which take a few kB more out. Each part is gzipped
on its own, so the parts add up to more than the module gzipped whole; compare a part with
itself between two builds, not with the bundle's figure. The glue that wasm-bindgen removes
(its `describe` functions) is left out.
"""

import collections
import re
import sys
import zlib


def leb(data, at):
    """An unsigned LEB128 number and the position after it."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def sections(data):
    at = 8
    while at < len(data):
        kind = data[at]
        size, at = leb(data, at + 1)
        yield kind, data[at : at + size]
        at += size


def imported_functions(body):
    count, at = leb(body, 0)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            size, at = leb(body, at)
            at += size
        kind = body[at]
        at += 1
        if kind == 0:  # function: type index
            _, at = leb(body, at)
            functions += 1
        elif kind == 1:  # table: element type, limits
            flags = body[at + 1]
            _, at = leb(body, at + 2)
            if flags & 1:
                _, at = leb(body, at)
        elif kind == 2:  # memory: limits
            flags = body[at]
            _, at = leb(body, at + 1)
            if flags & 1:
                _, at = leb(body, at)
        elif kind == 3:  # global: type, mutability
            at += 2
        elif kind == 4:  # tag: attribute, type index
            _, at = leb(body, at + 1)
    return functions


def function_names(body):
    size, at = leb(body, 0)
    if body[at : at + size] != b"name":
        return {}
    at += size
    names = {}
    while at < len(body):
        sub = body[at]
        size, at = leb(body, at + 1)
        if sub == 1:
            inner = at
            count, inner = leb(body, inner)
            for _ in range(count):
                index, inner = leb(body, inner)
                length, inner = leb(body, inner)
                names[index] = body[inner : inner + length].decode("utf8", "replace")
                inner += length
        at += size
    return names


def read_module(path):
    data = open(path, "rb").read()
    imports, bodies, names, data_section = 0, [], {}, b""
    for kind, body in sections(data):
        if kind == 2:
            imports = imported_functions(body)
        elif kind == 10:
            count, at = leb(body, 0)
            for _ in range(count):
                size, at = leb(body, at)
                bodies.append(body[at : at + size])
                at += size
        elif kind == 11:
            data_section = body
        elif kind == 0:
            names.update(function_names(body))
    return [(names.get(imports + i, "?"), b) for i, b in enumerate(bodies)], data_section


PARTS = [
    ("wasm-bindgen glue (removed by wasm-bindgen)", r"__wbindgen_describe|WasmDescribe|describe\.\."),
    ("our views (ui)", r"ai_network_wizard\.\.ui\.\.|17ai_network_wizard2ui"),
    ("our core", r"ai_network_wizard|wizard_core"),
    ("serde_json + indexmap", r"serde|indexmap|zmij|itoa"),
    (
        "Leptos (runtime and its generic view code)",
        r"tachys|reactive_graph|leptos|any_spawner|throw_error|or_poisoned|send_wrapper|server_fn"
        r"|wasm_streams|futures|slotmap|guardian|oco_ref|pin_project|hydration|next_tuple",
    ),
    ("wasm-bindgen, js-sys, web-sys", r"js_sys|web_sys|wasm_bindgen|__wbg|__externref|__wbindgen"),
    ("Rust's core, alloc, std (+ allocator, hashbrown, ipnet)", r""),
]


def part_of(name):
    for part, pattern in PARTS:
        if re.search(pattern, name):
            return part
    return PARTS[-1][0]


def gzipped(blobs):
    return len(zlib.compress(b"".join(blobs), 9))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    functions, data_section = read_module(sys.argv[1])
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    if not any(name != "?" for name, _ in functions):
        sys.exit("the module has no function names: build it with scripts/size-parts.sh")
    parts = collections.defaultdict(list)
    for name, body in functions:
        parts[part_of(name)].append(body)
    rows = [(part, sum(map(len, b)), gzipped(b)) for part, b in parts.items()]
    rows.append(("data section (templates, messages, tables)", len(data_section), gzipped([data_section])))
    print(f"{'part':58} {'raw':>9} {'gzip -9 alone':>14}")
    for part, raw, gz in sorted(rows, key=lambda r: -r[2]):
        print(f"{part:58} {raw:9,} {gz:14,}")
    print(f"\nthe {top} largest functions (raw bytes):")
    for name, body in sorted(functions, key=lambda f: -len(f[1]))[:top]:
        print(f"{len(body):9,}  {name[:150]}")


if __name__ == "__main__":
    main()
