//! Share links in the page. The core writes and reads their JSON and their text; the zlib step
//! between the two is the browser's own `CompressionStream` / `DecompressionStream("deflate")`
//! (zlib, RFC 1950: the format `wizard-cli` writes and reads with miniz_oxide), so no compressor
//! ships in the page. Both directions are asynchronous.

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStreamDefaultReader, ReadableWritablePair};

use crate::core::draft::Draft;
use crate::core::share_link::{
    draft_from_unpacked, fragment_of_packed, link_of_fragment, LinkError, UnpackError, Unpacked,
    MAX_JSON_BYTES,
};
use crate::ui::browser;

#[wasm_bindgen]
extern "C" {
    /// `CompressionStream`: a `{readable, writable}` pair, which is what `pipeThrough` takes.
    #[wasm_bindgen(js_name = CompressionStream)]
    type Packer;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<Packer, JsValue>;

    #[wasm_bindgen(js_name = DecompressionStream)]
    type Unpacker;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Unpacker, JsValue>;
}

/// The link that reopens the draft whose link JSON (`share_link::link_json`, made before the
/// task starts, so the draft is not copied) is `json`: the whole link (this page's address and
/// the fragment), or `None` when the browser refused to pack it.
pub async fn reopen_link(json: String) -> Option<String> {
    let packed = zlib(json.as_bytes(), true, usize::MAX).await.ok()?;
    let address = browser::app_address();
    Some(link_of_fragment(
        address.as_deref(),
        &fragment_of_packed(&packed),
    ))
}

/// The draft of a version-2 link's packed bytes (`share_link::LinkPayload::Packed`).
pub async fn draft_of_packed(packed: &[u8]) -> Result<Draft, LinkError> {
    draft_from_unpacked(zlib(packed, false, MAX_JSON_BYTES).await)
}

/// Packs (`pack`) or unpacks `bytes`; unpacking stops past `limit` bytes, so a small link
/// cannot fill the memory. Anything the browser refuses (a bad checksum, a cut stream) reads as
/// damaged.
async fn zlib(bytes: &[u8], pack: bool, limit: usize) -> Unpacked {
    piped(bytes, pack, limit)
        .await
        .unwrap_or(Err(UnpackError::Damaged))
}

async fn piped(bytes: &[u8], pack: bool, limit: usize) -> Result<Unpacked, JsValue> {
    let pair: ReadableWritablePair = if pack {
        Packer::new("deflate")?.unchecked_into()
    } else {
        Unpacker::new("deflate")?.unchecked_into()
    };
    let blob = Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes)))?;
    // `pipeThrough` handles the writing side's errors: they reach the reader, nothing unhandled.
    let reader: ReadableStreamDefaultReader = blob
        .stream()
        .pipe_through(&pair)
        .get_reader()
        .unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await?;
        if Reflect::get(&chunk, &JsValue::from_str("done"))?.is_truthy() {
            return Ok(Ok(out));
        }
        let value: Uint8Array = Reflect::get(&chunk, &JsValue::from_str("value"))?.unchecked_into();
        let start = out.len();
        let length = value.length() as usize;
        if start + length > limit {
            let _ = reader.cancel();
            return Ok(Err(UnpackError::TooLarge));
        }
        out.resize(start + length, 0);
        value.copy_to(&mut out[start..]);
    }
}
