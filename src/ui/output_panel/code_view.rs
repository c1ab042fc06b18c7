//! The script into the page: the lines that differ from what the same tab showed before the
//! last edit are marked; the cache highlights again only the lines that differ, and only those
//! are written to the page (a keystroke in a long script stays cheap).

use leptos::prelude::*;

use super::plans::Shown;
use crate::core::highlight::{Language, LineCache, LineChanges, Marks};
use crate::core::render::OutputTarget;
use crate::ui::browser;
use crate::ui::erased::effect;

/// Keeps the `<code>` element behind the returned reference in step with `shown`.
pub fn follow(shown: Memo<Option<Shown>>) -> NodeRef<leptos::html::Code> {
    // What was shown before: its tab and link (a change of `shown` in the same tab with the
    // same link is a change of the text, so the text need not be kept and compared again).
    let previous = StoredValue::new(None::<(OutputTarget, String)>);
    let cache = StoredValue::new(LineCache::default());
    let code_ref = NodeRef::<leptos::html::Code>::new();
    effect(move |_| {
        shown.with(|now| {
            let Some(code) = code_ref.get() else { return };
            let Some(now) = now else {
                // The page shows no line now: the next script is written whole.
                code.set_inner_html("");
                previous.set_value(None);
                return;
            };
            let marks = previous.with_value(|before| match before {
                Some((tab, link)) if *tab == now.tab && *link != now.link => Marks::Keep,
                Some((tab, _)) if *tab == now.tab => Marks::Changed,
                _ => Marks::Clear,
            });
            let was_shown = previous.with_value(Option::is_some);
            previous.set_value(Some((now.tab, now.link.clone())));
            cache.update_value(|c| {
                let changes = c.update(Language::of(now.tab), &now.text, marks);
                let changes = if was_shown {
                    changes
                } else {
                    LineChanges::From(0)
                };
                browser::patch_lines(&code, c, &changes);
            });
        })
    });
    code_ref
}
