//! A list edited as one text, one entry per line, with each line's messages under it (IP rules,
//! rules to remove, tags).

use leptos::prelude::*;

use crate::core::diagnostics::{dom_id, Severity};
use crate::core::draft::Draft;
use crate::ui::erased::memo;
use crate::ui::state::AppState;

/// A list edited as text, one entry per line, with each line's messages under it.
#[derive(Clone, Copy, PartialEq)]
pub enum Lines {
    IpRules,
    Tags,
    RemoveIpRules,
    RemoveSubnets,
}

impl Lines {
    /// Field path and label. The box's id is the field's own (`dom_id`), so the problems list
    /// focuses it for any of its lines (the IP rules: their fieldset, which holds the box).
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Lines::IpRules => ("network.ip_rules", "IP rules, one per line"),
            Lines::Tags => (
                "target.tags",
                "Tags on what the wizard creates (name=value, one per line)",
            ),
            Lines::RemoveIpRules => (
                "network.remove_ip_rules",
                "IP rules to remove from the account, one per line",
            ),
            Lines::RemoveSubnets => (
                "network.remove_vnet_rules",
                "Virtual-network rules to remove (subnet resource IDs), one per line",
            ),
        }
    }
    pub fn of(self, d: &Draft) -> &Vec<String> {
        match self {
            Lines::IpRules => &d.network.ip_rules,
            Lines::Tags => &d.target.tags,
            Lines::RemoveIpRules => &d.network.remove_ip_rules,
            Lines::RemoveSubnets => &d.network.remove_vnet_rules,
        }
    }
    pub fn of_mut(self, d: &mut Draft) -> &mut Vec<String> {
        match self {
            Lines::IpRules => &mut d.network.ip_rules,
            Lines::Tags => &mut d.target.tags,
            Lines::RemoveIpRules => &mut d.network.remove_ip_rules,
            Lines::RemoveSubnets => &mut d.network.remove_vnet_rules,
        }
    }
}

/// A list as one text, one entry per line, with each line's messages under it.
pub fn lines_editor(lines: Lines) -> AnyView {
    let state = expect_context::<AppState>();
    let (field, label) = lines.names();
    // The IP rules' fieldset has the field's id already (its rows are inside it).
    let id = if lines == Lines::IpRules {
        "ip-text".to_owned()
    } else {
        dom_id(field)
    };
    // Read once: rewriting the text while a person types in it would move the caret.
    let text = state.draft.with_untracked(|d| lines.of(d).join("\n"));
    let line_messages = memo(move |_| {
        let count = state.draft.with(|d| lines.of(d).len());
        (0..count)
            .flat_map(|i| {
                state
                    .shown_for(&format!("{field}.{i}"))
                    .into_iter()
                    .map(move |d| (i, d))
            })
            .collect::<Vec<_>>()
    });
    let touch_all = move |_| {
        let count = state.draft.with_untracked(|d| lines.of(d).len());
        state.touched.update(|t| {
            for i in 0..count {
                t.field(&format!("{field}.{i}"));
            }
        });
    };
    let messages_id = format!("{id}-messages");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <textarea
                id=id
                rows=if lines == Lines::IpRules { "8" } else { "3" }
                spellcheck="false"
                aria-describedby=messages_id.clone()
                prop:value=text
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    let mut entries: Vec<String> = value.split('\n').map(|l| l.trim().to_owned()).collect();
                    while entries.last().is_some_and(String::is_empty) {
                        entries.pop();
                    }
                    state.draft.update(|d| *lines.of_mut(d) = entries);
                }
                on:focusout=touch_all
            ></textarea>
            <ul id=messages_id class="field-msg line-msgs">
                {move || {
                    line_messages
                        .get()
                        .into_iter()
                        .map(|(i, d)| {
                            let class = match d.severity {
                                Severity::Error => "error",
                                Severity::Warning => "warning",
                                Severity::Info => "info",
                            };
                            view! { <li class=class>"Line "{i + 1}": "{d.message}</li> }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
    .into_any()
}
