//! Form controls bound to the draft, each with its messages right below it.
//!
//! Messages are not live regions (one polite status region speaks for the page, after a
//! pause); `aria-describedby` ties them to their field. Errors show once the field was left.

use leptos::prelude::*;

use crate::ui::erased::{effect, memo};

use super::state::AppState;
use crate::core::diagnostics::{dom_id, Diagnostic, Severity};
use crate::core::draft::Draft;
use crate::core::quote::html_options;

/// `m-…`: the id of a field's message list (what `aria-describedby` points at).
pub fn message_id(field: &str) -> String {
    format!("m-{}", field.replace('.', "-"))
}

/// The messages of one field that a person sees now (changes only when they change).
fn shown_messages(state: AppState, field: String) -> Memo<Vec<Diagnostic>> {
    let messages = state.messages_of(&field);
    memo(move |_| messages.get())
}

fn invalid(messages: Memo<Vec<Diagnostic>>) -> impl Fn() -> Option<&'static str> + Copy {
    move || {
        messages
            .with(|m| m.iter().any(|d| d.severity == Severity::Error))
            .then_some("true")
    }
}

/// The messages of one field, with one-click fixes where the core offers them.
pub fn field_messages(field: String) -> AnyView {
    let state = expect_context::<AppState>();
    let messages = shown_messages(state, field.clone());
    messages_view(&field, messages)
}

fn messages_view(field: &str, messages: Memo<Vec<Diagnostic>>) -> AnyView {
    let state = expect_context::<AppState>();
    view! {
        <div class="field-msg" id=message_id(field)>
            {move || {
                messages
                    .get()
                    .into_iter()
                    .map(|d| {
                        let class = match d.severity {
                            Severity::Error => "error",
                            Severity::Warning => "warning",
                            Severity::Info => "info",
                        };
                        let fix = d.fix.map(|fix| {
                            let field = d.field.clone();
                            view! {
                                <button
                                    type="button"
                                    class="fix"
                                    on:click=move |_| {
                                        state.draft.update(|draft| {
                                            draft.apply_fix(&field, &fix.replacement);
                                        });
                                        // A step included by a fix waits like a ticked one.
                                        if fix.replacement == ["true"] {
                                            state.touch_flag(&field, true);
                                        }
                                        // The button goes with its message: the focus stays
                                        // with the field it fixed.
                                        let id = dom_id(&field);
                                        request_animation_frame(move || {
                                            super::browser::focus_element(&id);
                                        });
                                    }
                                >
                                    {fix.label.clone()}
                                </button>
                            }
                        });
                        view! { <p class=class>{d.message}" "{fix}</p> }
                    })
                    .collect_view()
            }}
        </div>
    }
    .into_any()
}

/// Optional texts around an input.
#[derive(Clone, Copy, Default)]
pub struct Extras {
    pub hint: &'static str,
    pub placeholder: &'static str,
    /// Id of a `<datalist>` of suggestions.
    pub list: &'static str,
}

type Getter<T> = std::sync::Arc<dyn Fn(&Draft) -> T + Send + Sync>;
type Setter<T> = std::sync::Arc<dyn Fn(&mut Draft, T) + Send + Sync>;

/// What a field's value is read again after: any change of the draft (`None`), or only a change
/// of the part it shows (a row of a long list tracks its row: [`Rows`]). Every reader of the
/// draft signal is re-run, and re-subscribed, on every keystroke: with a thousand of them (100 IP
/// rules, 100 subnets) that alone cost tens of milliseconds.
pub type Scope = Option<std::sync::Arc<dyn Fn() + Send + Sync>>;

/// One trigger per row of a list in the draft, notified only when that row changes: each row's
/// fields track their row ([`row_scope`]), so a keystroke in one row re-runs that row's fields
/// only, and a keystroke elsewhere none of them. (A memo per row that reads the draft, or the
/// whole list, is re-run on every keystroke: with 100 IP rules, 100 subnets and ten endpoints
/// that is a thousand memos, each unsubscribing and subscribing again.) A row's trigger is made
/// by its view and disposed with it; rows after a removed one differ from what they were, so
/// they are notified. The triggers are in a plain `Arc<Mutex>`: a `StoredValue` of them made
/// the page's download larger.
#[derive(Clone)]
pub struct Rows {
    triggers: std::sync::Arc<std::sync::Mutex<Vec<RwSignal<bool>>>>,
}

impl Rows {
    /// The rows of a list of the draft ([`rows_of!`] writes the three functions): after every
    /// change of the draft, one effect compares each row with its value at the change before and
    /// notifies the rows that differ. Plain functions, so the effect's code is there once for
    /// every list (a smaller download).
    pub fn new(
        state: AppState,
        len: fn(&Draft) -> usize,
        same: fn(&Draft, &Draft, usize) -> bool,
        copy: fn(&mut Draft, &Draft),
    ) -> Self {
        // Only the list is copied into it: the rest stays empty.
        let mut seen = Draft::default();
        state.draft.with_untracked(|d| copy(&mut seen, d));
        let triggers = std::sync::Arc::new(std::sync::Mutex::new(Vec::<RwSignal<bool>>::new()));
        let watched = triggers.clone();
        effect(move |_: Option<()>| {
            state.draft.with(|d| {
                let mut changed = false;
                let triggers = watched.lock().unwrap_or_else(|e| e.into_inner());
                for i in 0..len(d).max(len(&seen)) {
                    if !same(&seen, d, i) {
                        changed = true;
                        if let Some(trigger) = triggers.get(i) {
                            trigger.notify();
                        }
                    }
                }
                if changed {
                    copy(&mut seen, d);
                }
            })
        });
        Rows { triggers }
    }

    /// What row `index`'s fields are read again after ([`row_scope`]), for the row's view: made
    /// with it, and disposed with it.
    pub fn row(&self, index: usize) -> RwSignal<bool> {
        // A signal without a value of interest (a trigger; the same type as the app's flags).
        let trigger = RwSignal::new(false);
        let mut triggers = self.triggers.lock().unwrap_or_else(|e| e.into_inner());
        if triggers.len() <= index {
            triggers.resize(index + 1, trigger);
        }
        triggers[index] = trigger;
        trigger
    }
}

/// The [`Rows`] of the list at `path` in the draft, e.g. `rows_of!(state, network.ip_rules)`.
macro_rules! rows_of {
    ($state:expr, $($path:ident).+) => {
        $crate::ui::fields::Rows::new(
            $state,
            |d| d.$($path).+.len(),
            |a, b, i| a.$($path).+.get(i) == b.$($path).+.get(i),
            |to, from| to.$($path).+.clone_from(&from.$($path).+),
        )
    };
}
pub(crate) use rows_of;

/// The scope of a row of [`Rows`].
pub fn row_scope(row: RwSignal<bool>) -> Scope {
    Some(std::sync::Arc::new(move || row.track()))
}

/// A value read from the draft again only when `scope` changes.
pub fn scoped_memo<T: Clone + PartialEq + Send + Sync + 'static>(
    scope: Scope,
    get: impl Fn(&Draft) -> T + Send + Sync + 'static,
) -> Memo<T> {
    let state = expect_context::<AppState>();
    scoped(state, scope, std::sync::Arc::new(get))
}

/// The value of a field, read again when its scope changes.
fn scoped<T: Clone + PartialEq + Send + Sync + 'static>(
    state: AppState,
    scope: Scope,
    get: Getter<T>,
) -> Memo<T> {
    memo(move |_| match &scope {
        Some(track) => {
            track();
            state.draft.with_untracked(|d| get(d))
        }
        None => state.draft.with(|d| get(d)),
    })
}

/// A text input bound to a string in the draft. (The closures are boxed at once, so there is one
/// copy of the view code for every text input of the app: it keeps the bundle small.)
pub fn text_input(
    label: String,
    field: String,
    extras: Extras,
    get: impl Fn(&Draft) -> String + Send + Sync + 'static,
    set: impl Fn(&mut Draft, String) + Send + Sync + 'static,
) -> AnyView {
    text_input_in(None, label, field, extras, get, set)
}

/// A text input whose value is read again only when `scope` changes (see [`Scope`]).
pub fn text_input_in(
    scope: Scope,
    label: String,
    field: String,
    extras: Extras,
    get: impl Fn(&Draft) -> String + Send + Sync + 'static,
    set: impl Fn(&mut Draft, String) + Send + Sync + 'static,
) -> AnyView {
    text_input_view(
        scope,
        label,
        field,
        extras,
        std::sync::Arc::new(get),
        std::sync::Arc::new(set),
    )
}

fn text_input_view(
    scope: Scope,
    label: String,
    field: String,
    extras: Extras,
    get: Getter<String>,
    set: Setter<String>,
) -> AnyView {
    let state = expect_context::<AppState>();
    let id = dom_id(&field);
    let messages = shown_messages(state, field.clone());
    let value = scoped(state, scope, get);
    let touched_field = field.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                type="text"
                id=id
                autocomplete="off"
                spellcheck="false"
                aria-describedby=message_id(&field)
                aria-invalid=invalid(messages)
                placeholder=(!extras.placeholder.is_empty()).then_some(extras.placeholder)
                list=(!extras.list.is_empty()).then_some(extras.list)
                prop:value=move || value.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    state.draft.update(|d| set(d, value));
                }
                on:focusout=move |_| state.touch(&touched_field)
            />
            {(!extras.hint.is_empty()).then(|| view! { <p class="hint">{extras.hint}</p> })}
            {messages_view(&field, messages)}
        </div>
    }
    .into_any()
}

/// A select bound to a value in the draft, through its string id.
pub fn select_input(
    label: &'static str,
    field: impl Into<String>,
    hint: &'static str,
    options: Vec<(String, String)>,
    get: impl Fn(&Draft) -> String + Send + Sync + 'static,
    set: impl Fn(&mut Draft, &str) + Send + Sync + 'static,
) -> AnyView {
    select_input_in(None, label, field, hint, options, get, set)
}

/// A select whose value is read again only when `scope` changes (see [`Scope`]).
pub fn select_input_in(
    scope: Scope,
    label: &'static str,
    field: impl Into<String>,
    hint: &'static str,
    options: Vec<(String, String)>,
    get: impl Fn(&Draft) -> String + Send + Sync + 'static,
    set: impl Fn(&mut Draft, &str) + Send + Sync + 'static,
) -> AnyView {
    let set: Setter<String> = std::sync::Arc::new(move |d, v: String| set(d, &v));
    select_view(
        scope,
        label,
        field.into(),
        hint,
        options,
        std::sync::Arc::new(get),
        set,
    )
}

fn select_view(
    scope: Scope,
    label: &'static str,
    field: String,
    hint: &'static str,
    options: Vec<(String, String)>,
    get: Getter<String>,
    set: Setter<String>,
) -> AnyView {
    let state = expect_context::<AppState>();
    let id = dom_id(&field);
    let messages = shown_messages(state, field.clone());
    let value = scoped(state, scope, get);
    let touched_field = field.clone();
    // The options as one markup string, set before the value (see quote::html_options).
    let options = value.with_untracked(|selected| {
        html_options(
            options.iter().map(|(v, t)| (v.as_str(), t.as_str())),
            selected,
        )
    });
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                aria-describedby=message_id(&field)
                aria-invalid=invalid(messages)
                inner_html=options
                prop:value=move || value.get()
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    state.draft.update(|d| set(d, value));
                    state.touch(&touched_field);
                }
            ></select>
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
            {messages_view(&field, messages)}
        </div>
    }
    .into_any()
}

/// A checkbox bound to a flag in the draft.
pub fn checkbox(
    label: String,
    field: String,
    get: impl Fn(&Draft) -> bool + Send + Sync + 'static,
    set: impl Fn(&mut Draft, bool) + Send + Sync + 'static,
) -> AnyView {
    checkbox_in(None, label, field, get, set)
}

/// A checkbox whose value is read again only when `scope` changes (see [`Scope`]).
pub fn checkbox_in(
    scope: Scope,
    label: String,
    field: String,
    get: impl Fn(&Draft) -> bool + Send + Sync + 'static,
    set: impl Fn(&mut Draft, bool) + Send + Sync + 'static,
) -> AnyView {
    checkbox_view(
        scope,
        label,
        field,
        std::sync::Arc::new(get),
        std::sync::Arc::new(set),
    )
}

fn checkbox_view(
    scope: Scope,
    label: String,
    field: String,
    get: Getter<bool>,
    set: Setter<bool>,
) -> AnyView {
    let state = expect_context::<AppState>();
    let id = dom_id(&field);
    let checked = scoped(state, scope, get);
    let touched_field = field.clone();
    view! {
        <div class="field checkbox">
            <input
                type="checkbox"
                id=id.clone()
                aria-describedby=message_id(&field)
                prop:checked=move || checked.get()
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.draft.update(|d| set(d, on));
                    state.touch_flag(&touched_field, on);
                }
            />
            <label for=id>{label}</label>
            {field_messages(field)}
        </div>
    }
    .into_any()
}

/// A list of the draft shown as rows: "Add …" appends a default entry and "Remove" takes one
/// out; either way the focus stays in the list (a keyboard user is not sent back to the top).
pub struct RowList<T: 'static> {
    /// The list's field path: row `i`'s first field is `{path}.{i}{first_field}`.
    pub path: &'static str,
    pub first_field: &'static str,
    /// The id of the list's "Add …" button: the focus goes there when the last row goes.
    pub add_button: &'static str,
    pub entries: fn(&mut Draft) -> &mut Vec<T>,
}

impl<T: Default> RowList<T> {
    /// "Add …": a default entry at the end, the focus on its first field.
    pub fn add(&self, state: AppState) {
        let entries = self.entries;
        let mut index = 0;
        state.draft.update(|d| {
            let list = entries(d);
            index = list.len();
            list.push(T::default());
        });
        // Typed or pasted at once (text expanders, password managers): the focus must be in the
        // new field before the next key arrives, so it moves in this task, in the microtask
        // queued after the view update this change queued (the next frame would be too late).
        let id = dom_id(&format!("{}.{index}{}", self.path, self.first_field));
        leptos::task::spawn_local(async move {
            if !super::browser::focus_element(&id) {
                focus_later(id);
            }
        });
    }

    /// "Remove" on row `index`: the focus moves to the row that took its place, else to the one
    /// before it, else to the "Add …" button.
    pub fn remove(&self, state: AppState, index: usize) {
        // A removal is a step of its own for Undo, apart from any typing just before it.
        state.settle();
        let entries = self.entries;
        let mut remaining = 0;
        state.draft.update(|d| {
            let list = entries(d);
            remaining = list.len().saturating_sub(1);
            if index < list.len() {
                list.remove(index);
            }
        });
        match remaining {
            0 => focus_later(self.add_button.to_owned()),
            n => focus_row(self.path, index.min(n - 1), self.first_field),
        }
    }
}

fn focus_row(path: &str, index: usize, first_field: &str) {
    focus_later(dom_id(&format!("{path}.{index}{first_field}")));
}

/// After the list has re-rendered.
fn focus_later(id: String) {
    request_animation_frame(move || {
        super::browser::focus_element(&id);
    });
}
