//! The core's floor: one export that reaches every core function the wizard's page calls (the
//! grep of `crate::core::` in `src/ui`, without the apply page's ARM client), so the linker keeps
//! exactly the core, the text it prints and the part of std they use, and no UI.
//! Built for wasm32 only, by scripts/size-floor.sh.
#![no_main]

use std::hint::black_box;

use ai_network_wizard::core::*;

#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// `text` is whatever a person gives the page: a configuration, a share link or a `show` JSON.
///
/// # Safety
/// `ptr` and `len` describe UTF-8 bytes in the module's memory.
#[no_mangle]
pub unsafe extern "C" fn everything(ptr: *const u8, len: usize, edit: u32) -> usize {
    let text = std::str::from_utf8_unchecked(std::slice::from_raw_parts(ptr, len));
    let mut total = 0;
    let draft = match config_file::from_config_json(text) {
        Ok(draft) => draft,
        Err(error) => return error.len(),
    };
    let generated = generate::generate(&draft);
    for d in &generated.validation.diagnostics {
        total += d.message.len() + diagnostics::dom_id(&d.field).len();
        total += diagnostics::step_of_field(&d.field).len();
    }
    // The page packs the link with the browser's zlib: the core's part is its JSON and text.
    let link = share_link::link_of_fragment(
        Some("https://example.test/"),
        &share_link::fragment_of_packed(share_link::link_json(&draft).as_bytes()),
    );
    let context = render::RenderContext::with_link("2026-12-01", link);
    let marks = if edit == 1 {
        highlight::Marks::Changed
    } else {
        highlight::Marks::Clear
    };
    let mut cache = highlight::LineCache::default();
    for target in [
        render::OutputTarget::PowerShell,
        render::OutputTarget::AzBash,
        render::OutputTarget::AzPowerShell,
        render::OutputTarget::Rest,
    ] {
        if let Some(script) = generated.output(target, &context) {
            black_box(cache.update(highlight::Language::of(target), &script, marks));
            total += cache.len() + cache.html(0).len() + target.file_name().len();
            total += target.download_text(&script).len() + target.label().len();
        }
    }
    if let Some(plan) = &generated.plan {
        if let Some(lines) = network_diff::network_diff(plan) {
            total += lines.iter().map(|l| l.describe().len()).sum::<usize>();
        }
    }
    if let Ok((plan, lines)) = rollback::rollback_plan(&draft) {
        total += render::render(&plan, render::OutputTarget::AzBash, &context).len() + lines.len();
    }
    total += rollback::NOT_ROLLED_BACK.len() + config_file::to_config_json(&draft).len();
    if let Some(Ok(share_link::LinkPayload::Packed(json))) = share_link::read_link_payload(text) {
        if let Ok(draft) = share_link::draft_from_unpacked(Ok(json)) {
            total += config_file::to_config_json(&draft).len();
        }
    }
    match import::read_pasted(text, "2026-12-01T00:00:00Z") {
        Ok(import::Loaded::Configuration(draft)) => total += draft.target.name.len(),
        Ok(import::Loaded::PackedLink(packed)) => total += packed.len(),
        Ok(import::Loaded::Show(imported)) => {
            total += imported
                .notes
                .iter()
                .map(|n| import::describe(n).len())
                .sum::<usize>();
            total += imported.source.label().len();
        }
        Err(lines) => total += lines.len(),
    }
    if let Ok(current) = current_state::import_pasted(None, text, "now", Some("id")) {
        total += current.read_at.len();
    }
    let kinds = resource_kinds::KINDS.iter().map(|k| (k.id, k.label));
    total += quote::html_options(kinds, "SpeechServices").len();
    let regions = draft.target.cloud.known_regions().iter().map(|r| (*r, ""));
    total += quote::html_options(regions, "").len();
    total += resource_kinds::kind_info(&draft.target.kind).map_or(0, |k| k.skus.len());
    total += names::check_custom_subdomain(text)
        .err()
        .map_or(0, |e| e.len());
    total += zip::zip_stored(&[("a.txt", text.as_bytes())], "2026-12-01").len();
    total + date::date_from_millis(len as f64).len()
}
