//! Form controls bound to the draft, each with its messages right below it.

use leptos::prelude::*;

use super::state::AppState;
use crate::core::diagnostics::{dom_id, Diagnostic, Severity};
use crate::core::draft::Draft;

/// `m-…`: the id of a field's message list (what `aria-describedby` points at).
pub fn message_id(field: &str) -> String {
    format!("m-{}", field.replace('.', "-"))
}

fn has_error(
    state: AppState,
    field: String,
) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    move || {
        state
            .generated
            .with(|g| {
                g.validation
                    .for_field(&field)
                    .any(|d| d.severity == Severity::Error)
            })
            .then_some("true")
    }
}

/// The messages of one field, with one-click fixes where the core offers them.
pub fn field_messages(field: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = message_id(&field);
    let messages = {
        let field = field.clone();
        move || {
            state.generated.with(|g| {
                g.validation
                    .for_field(&field)
                    .cloned()
                    .collect::<Vec<Diagnostic>>()
            })
        }
    };
    view! {
        <div class="field-msg" id=id aria-live="polite">
            {move || {
                messages()
                    .into_iter()
                    .map(|d| {
                        let class = match d.severity {
                            Severity::Error => "error",
                            Severity::Warning => "warning",
                            Severity::Info => "info",
                        };
                        let fix = d.fix.clone().map(|fix| {
                            let field = d.field.clone();
                            view! {
                                <button
                                    type="button"
                                    class="fix"
                                    on:click=move |_| {
                                        state.draft.update(|draft| {
                                            draft.apply_fix(&field, &fix.replacement);
                                        })
                                    }
                                >
                                    {fix.label.clone()}
                                </button>
                            }
                        });
                        view! {
                            <p class=class>
                                <span>{d.message.clone()}</span>
                                " "
                                {fix}
                            </p>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// Optional texts around an input.
#[derive(Clone, Copy, Default)]
pub struct Extras {
    pub hint: &'static str,
    pub placeholder: &'static str,
    /// Id of a `<datalist>` of suggestions.
    pub list: &'static str,
}

/// A text input bound to a string in the draft.
pub fn text_input(
    label: String,
    field: String,
    extras: Extras,
    get: impl Fn(&Draft) -> String + Copy + Send + Sync + 'static,
    set: impl Fn(&mut Draft, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = dom_id(&field);
    let described_by = message_id(&field);
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                type="text"
                id=id
                autocomplete="off"
                spellcheck="false"
                aria-describedby=described_by
                aria-invalid=has_error(state, field.clone())
                placeholder=(!extras.placeholder.is_empty()).then_some(extras.placeholder)
                list=(!extras.list.is_empty()).then_some(extras.list)
                prop:value=move || state.draft.with(get)
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    state.draft.update(|d| set(d, value));
                }
            />
            {(!extras.hint.is_empty()).then(|| view! { <p class="hint">{extras.hint}</p> })}
            {field_messages(field)}
        </div>
    }
}

/// A select bound to a value in the draft, through its string id.
pub fn select_input(
    label: &'static str,
    field: &'static str,
    hint: &'static str,
    options: Vec<(String, String)>,
    get: impl Fn(&Draft) -> String + Copy + Send + Sync + 'static,
    set: impl Fn(&mut Draft, &str) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = dom_id(field);
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                aria-describedby=message_id(field)
                aria-invalid=has_error(state, field.to_owned())
                prop:value=move || state.draft.with(get)
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    state.draft.update(|d| set(d, &value));
                }
            >
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let v = value.clone();
                        view! {
                            <option value=value selected=move || state.draft.with(get) == v>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
            {field_messages(field.to_owned())}
        </div>
    }
}

/// A checkbox bound to a flag in the draft.
pub fn checkbox(
    label: String,
    field: String,
    get: impl Fn(&Draft) -> bool + Copy + Send + Sync + 'static,
    set: impl Fn(&mut Draft, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = dom_id(&field);
    view! {
        <div class="field checkbox">
            <input
                type="checkbox"
                id=id.clone()
                aria-describedby=message_id(&field)
                prop:checked=move || state.draft.with(get)
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    state.draft.update(|d| set(d, checked));
                }
            />
            <label for=id>{label}</label>
            {field_messages(field)}
        </div>
    }
}
