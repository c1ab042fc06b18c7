//! The few browser calls the shell needs, each failing quietly into a visible status rather than
//! a panic.

use crate::core::highlight::{LineCache, LineChanges};
use wasm_bindgen::JsCast;

const STORAGE_KEY: &str = "ai-network-wizard.config";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn load_saved_config() -> Option<String> {
    load_text(STORAGE_KEY)
}

pub fn save_config(text: &str) {
    save_text(STORAGE_KEY, text);
}

/// A text the page keeps under its own key (not the configuration).
pub fn load_text(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok()?
}

pub fn save_text(key: &str, text: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, text);
    }
}

pub fn clear_saved_config() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
}

/// The page's fragment (`#…`), where share links carry the configuration.
pub fn location_hash() -> Option<String> {
    web_sys::window()?.location().hash().ok()
}

/// This page's address without query or fragment: the base of share links. On the apply page
/// it is the wizard's (one folder up): a shared link opens the page that needs no token.
pub fn app_address() -> Option<String> {
    let location = web_sys::window()?.location();
    let path = location.pathname().ok()?;
    #[cfg(feature = "arm-direct")]
    let path = path
        .trim_end_matches("index.html")
        .strip_suffix("apply/")
        .map_or(path.clone(), str::to_owned);
    Some(format!("{}{path}", location.origin().ok()?))
}

/// Removes the fragment after it has been read, so the link's config does not override edits.
pub fn clear_location_hash() {
    if let Some(window) = web_sys::window() {
        if let Ok(history) = window.history() {
            let location = window.location();
            let path =
                location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
    }
}

/// The current UTC time to the minute (`2026-11-30T14:05Z`), for what a snapshot records.
pub fn now_utc() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    format!("{}Z", iso.get(..16).unwrap_or(&iso))
}

/// `?step=…&tab=…` of the page's URL (only these two: nothing typed ever goes in the URL).
pub fn step_and_tab_from_url() -> (Option<String>, Option<String>) {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let mut step = None;
    let mut tab = None;
    for pair in search.trim_start_matches('?').split('&') {
        match pair.split_once('=') {
            Some(("step", v)) => step = Some(v.to_owned()),
            Some(("tab", v)) => tab = Some(v.to_owned()),
            _ => {}
        }
    }
    (step, tab)
}

fn url_state(step: &str, tab: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let url = format!("{path}?step={step}&tab={tab}");
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// A new history entry for a new step (Back returns to the previous one).
pub fn push_url_state(step: &str, tab: &str) {
    url_state(step, tab, true);
}

/// The same history entry with another tab.
pub fn replace_url_state(step: &str, tab: &str) {
    url_state(step, tab, false);
}

/// Calls `handler` on every `event` the window receives for the page's lifetime: `popstate`
/// (Back or Forward changed the URL), `pagehide` (the page is left or reloaded: the last moment
/// to save).
pub fn on_window_event(event: &str, handler: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(handler);
    let _ = window.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
    callback.forget();
}

/// Calls `handler` on every key pressed anywhere in the page.
pub fn on_window_key(handler: impl Fn(web_sys::KeyboardEvent) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(handler);
    let _ = window.add_event_listener_with_callback("keydown", callback.as_ref().unchecked_ref());
    callback.forget();
}

pub fn today() -> String {
    crate::core::date::date_from_millis(js_sys::Date::now())
}

/// Copies text; resolves to whether the browser accepted it (it may refuse: no permission,
/// not a secure context, no clipboard at all).
pub async fn copy_to_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    if clipboard.is_undefined() {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

pub fn download(file_name: &str, bytes: &[u8], mime: &str) -> bool {
    fn inner(file_name: &str, bytes: &[u8], mime: &str) -> Option<()> {
        let window = web_sys::window()?;
        let document = window.document()?;
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let anchor: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    }
    inner(file_name, bytes, mime).is_some()
}

/// Focuses the element with this id; false if there is none (yet).
pub fn focus_element(id: &str) -> bool {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    element.is_some_and(|e| e.focus().is_ok())
}

pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

/// Reads the file chosen in an `<input type="file">` as text, then hands it to `then`.
pub fn read_picked_file(event: &web_sys::Event, then: impl FnOnce(String) + 'static) {
    let file = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0));
    if let Some(file) = file {
        read_text(&file, then);
    }
}

/// Reads the first file dropped on an element (the page would otherwise open it).
pub fn read_dropped_file(event: &web_sys::DragEvent, then: impl FnOnce(String) + 'static) {
    event.prevent_default();
    let file = event
        .data_transfer()
        .and_then(|d| d.files())
        .and_then(|files| files.get(0));
    if let Some(file) = file {
        read_text(&file, then);
    }
}

fn read_text(file: &web_sys::File, then: impl FnOnce(String) + 'static) {
    let on_text = wasm_bindgen::closure::Closure::once(move |text: wasm_bindgen::JsValue| {
        then(text.as_string().unwrap_or_default());
    });
    let _ = file.text().then(&on_text);
    // Runs once, later: the browser owns it until then.
    on_text.forget();
}

/// Lines per block of the code view. Each block is laid out and painted only near the screen
/// (`content-visibility: auto` in the CSS), while every line stays in the page: copy, the
/// browser's find and screen readers still see the whole script.
pub const LINES_PER_BLOCK: usize = 64;

/// Makes `code`'s blocks of lines (`LINES_PER_BLOCK` line elements each) hold the cache's lines,
/// writing only those `changes` names. A keystroke usually changes two distant lines (the header's
/// reopen link and the edited value); when the number of lines changes, every later line's number
/// changes too, so the blocks from the first difference on are built again.
pub fn patch_lines(code: &web_sys::Element, lines: &LineCache, changes: &LineChanges) {
    let blocks = code.children();
    let first = match changes {
        LineChanges::Lines(indexes) => {
            for &i in indexes {
                let line = blocks
                    .item((i / LINES_PER_BLOCK) as u32)
                    .and_then(|block| block.children().item((i % LINES_PER_BLOCK) as u32));
                if let Some(line) = line {
                    line.set_outer_html(lines.html(i));
                }
            }
            return;
        }
        LineChanges::From(first) => *first / LINES_PER_BLOCK,
    };
    if first == 0 {
        code.set_inner_html(&blocks_html(lines, 0));
        return;
    }
    while blocks.length() as usize > first {
        match code.last_element_child() {
            Some(block) => block.remove(),
            None => break,
        }
    }
    let _ = code.insert_adjacent_html("beforeend", &blocks_html(lines, first));
}

/// The markup of the blocks from block `first` on.
fn blocks_html(lines: &LineCache, first: usize) -> String {
    let from = first * LINES_PER_BLOCK;
    let rest = from..lines.len().max(from);
    let mut html = String::with_capacity(
        rest.clone().map(|i| lines.html(i).len()).sum::<usize>()
            + 32 * rest.len() / LINES_PER_BLOCK
            + 32,
    );
    for (k, i) in rest.enumerate() {
        if k % LINES_PER_BLOCK == 0 {
            if k > 0 {
                html.push_str("</span>");
            }
            html.push_str("<span class=\"blk\">");
        }
        html.push_str(lines.html(i));
    }
    if lines.len() > from {
        html.push_str("</span>");
    }
    html
}
