//! Last step: the plan in order, and the configuration to keep, share or load.

use leptos::prelude::*;

use crate::ui::erased::{effect, memo};

use crate::core::config_file::{config_file_name, to_config_json};
use crate::core::current_state::import_pasted;
use crate::core::draft::Draft;
use crate::core::import::{describe, read_pasted, Loaded};
use crate::core::share_link::link_json;
use crate::ui::browser;
use crate::ui::fields::field_messages;
use crate::ui::links;
use crate::ui::state::{notice_view, AppState, AT_REVIEW};

pub fn review_step() -> AnyView {
    let state = expect_context::<AppState>();
    let steps = memo(move |_| {
        state.generated.with(|g| {
            g.plan.as_ref().map(|p| {
                p.steps
                    .iter()
                    .map(|s| (s.title.clone(), s.why.clone(), s.irreversible))
                    .collect::<Vec<_>>()
            })
        })
    });
    let import_text = RwSignal::new(String::new());
    let import_message = RwSignal::new(String::new());
    // One box: a share link (or its fragment, as script headers print it), a configuration
    // file, or an account's `show` JSON; typed, pasted, picked or dropped.
    let show_loaded = move |loaded: Result<(Draft, String), Vec<String>>| match loaded {
        Ok((draft, message)) => {
            state.draft.set(draft);
            state.touched.update(|t| t.all());
            import_text.set(String::new());
            // The whole message shows under the box; its first line is spoken.
            state
                .spoken
                .set(message.lines().next().unwrap_or_default().to_owned());
            import_message.set(message);
        }
        Err(lines) => {
            let text = lines.join("\n");
            state.spoken.set(text.clone());
            import_message.set(text);
        }
    };
    let load_text = move |text: String| match read_pasted(&text, &browser::now_utc()) {
        Ok(Loaded::Configuration(draft)) => {
            show_loaded(Ok((draft, "Configuration loaded.".to_owned())))
        }
        // A version-2 link: the browser unpacks it (asynchronously).
        Ok(Loaded::PackedLink(packed)) => leptos::task::spawn_local(async move {
            let draft = links::draft_of_packed(&packed).await;
            show_loaded(
                draft
                    .map(|d| (d, "Configuration loaded.".to_owned()))
                    .map_err(|e| vec![e.message()]),
            )
        }),
        Ok(Loaded::Show(imported)) => {
            let mut lines = vec![format!(
                "Imported from {}: the form now describes the resource as it is.",
                imported.source.label()
            )];
            lines.extend(imported.notes.iter().map(describe));
            show_loaded(Ok((imported.draft, lines.join("\n"))))
        }
        Err(lines) => show_loaded(Err(lines)),
    };
    let load = move |_| load_text(import_text.get_untracked());
    let pick_file = move |ev: leptos::ev::Event| browser::read_picked_file(&ev, load_text);
    let drop_file = move |ev: leptos::ev::DragEvent| browser::read_dropped_file(&ev, load_text);
    let download_config = move |_| {
        let (json, name) = state
            .draft
            .with(|d| (to_config_json(d), config_file_name(d)));
        let ok = browser::download(&name, json.as_bytes(), "application/json");
        state.say(
            AT_REVIEW,
            if ok {
                "Configuration downloaded.".into()
            } else {
                "The download could not start.".into()
            },
        );
    };
    let copy_link = move |_| {
        let json = state.draft.with_untracked(link_json);
        leptos::task::spawn_local(async move {
            let copied = match links::reopen_link(json).await {
                Some(link) => browser::copy_to_clipboard(&link).await,
                None => false,
            };
            state.say(AT_REVIEW, if copied {
                "Share link copied. It carries the configuration in its fragment, which browsers never send to a server.".to_owned()
            } else {
                "Copying the share link failed: the browser refused. Download the configuration instead.".to_owned()
            });
        });
    };
    let reset = move |_| {
        if browser::confirm("Clear every field and start over? Download the configuration first if you want to keep it.") {
            browser::clear_saved_config();
            state.draft.set(Draft::default());
            state.touched.set(Default::default());
            state.say(AT_REVIEW, "Started over.".into());
        }
    };
    view! {
        <h3>"The plan"</h3>
        {move || match steps.get() {
            None => view! { <p class="callout">"Fix the errors listed in the output panel to see the plan."</p> }.into_any(),
            Some(steps) => view! {
                <ol class="plan">
                    {steps
                        .into_iter()
                        .map(|(title, why, irreversible)| view! {
                            <li class:irreversible=irreversible>
                                <strong>{title}</strong>
                                {irreversible.then(|| view! { <span class="badge">"IRREVERSIBLE"</span> })}
                                <p>{why}</p>
                            </li>
                        })
                        .collect_view()}
                </ol>
            }
            .into_any(),
        }}
        {reach_panel()}
        {current_settings()}
        <h3>"Keep and share the configuration"</h3>
        <p class="hint">"The configuration file holds every field of this wizard (never a token). Keep it in version control; render it in a pipeline with "<a id="wizard-cli-help" href=WIZARD_CLI_HELP>"wizard-cli"</a>"."</p>
        <div class="actions">
            <button type="button" id="download-config" on:click=download_config>"Download configuration"</button>
            <button type="button" id="copy-share-link" on:click=copy_link>"Copy share link"</button>
            <button type="button" id="reset" class="danger" on:click=reset>"Start over"</button>
        </div>
        {notice_view(AT_REVIEW)}
        <div class="field">
            <label for="config-import">"Load a configuration, a share link, or start from what exists: the JSON of az cognitiveservices account show, az resource show, az ml workspace show, the REST GET or Get-AzCognitiveServicesAccount | ConvertTo-Json -Depth 10 (paste, pick or drop a file; no token needed)"</label>
            <textarea id="config-import" rows="6" aria-describedby="config-import-message" prop:value=move || import_text.get() on:input=move |ev| import_text.set(event_target_value(&ev)) on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=drop_file></textarea>
            <div class="actions">
                <button type="button" id="config-import-load" on:click=load>"Load"</button>
                <input type="file" id="config-import-file" accept=".json,application/json,text/plain" aria-label="Load from a file" on:change=pick_file/>
            </div>
            <p class="field-msg lines" id="config-import-message">{move || import_message.get()}</p>
        </div>
    }
    .into_any()
}

/// How to get wizard-cli: a text file beside the wizard's page (the apply page is one folder down).
#[cfg(not(feature = "arm-direct"))]
const WIZARD_CLI_HELP: &str = "wizard-cli.txt";
#[cfg(feature = "arm-direct")]
const WIZARD_CLI_HELP: &str = "../wizard-cli.txt";

#[cfg(feature = "arm-direct")]
fn reach_panel() -> AnyView {
    super::reach::reach_panel()
}

#[cfg(not(feature = "arm-direct"))]
fn reach_panel() {}

/// Pasting what ARM says now makes the REST requests exact (issue: the full import with a
/// before/after view is a later step; this keeps only what the requests need).
fn current_settings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pasted = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let summary = move || {
        state.draft.with(|d| {
            d.current_state.as_ref().map(|s| {
                let mut parts = Vec::new();
                if s.account.is_some() {
                    parts.push("the account".to_owned());
                }
                parts.extend(s.subnets.iter().filter_map(|v| {
                    v.get("id")
                        .and_then(|id| id.as_str())
                        .and_then(|id| id.rsplit('/').next())
                        .map(|name| format!("subnet {name}"))
                }));
                let from = if s.source.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", s.source)
                };
                format!(
                    "The REST requests are computed from the current settings read at {}{from}: {}.",
                    s.read_at,
                    parts.join(", ")
                )
            })
        })
    };
    let use_settings = move |_| {
        let target_id = state
            .generated
            .with(|g| g.validation.config.as_ref().map(|c| c.target.resource_id()));
        let result = state.draft.with(|d| {
            pasted.with(|text| {
                import_pasted(
                    d.current_state.as_ref(),
                    text,
                    &browser::now_utc(),
                    target_id.as_deref(),
                )
            })
        });
        match result {
            Ok(current) => {
                state.draft.update(|d| d.current_state = Some(current));
                pasted.set(String::new());
                message.set("Settings read: the REST tab now shows exact requests.".into());
            }
            Err(problems) => message.set(problems.join(" ")),
        }
    };
    // The page's one live region says what happened.
    effect(move |_| {
        let said = message.get();
        if !said.is_empty() {
            state.spoken.set(said);
        }
    });
    let forget = move |_| {
        state.draft.update(|d| d.current_state = None);
        message.set(
            "Current settings forgotten: requests that need them must be edited before sending."
                .into(),
        );
    };
    view! {
        <h3>"Current settings (for exact REST requests)"</h3>
        <p class="hint">"Paste what az cognitiveservices account show -g GROUP -n NAME -o json prints (and, for each subnet, az network vnet subnet show --ids ID -o json). Without it, REST requests that would replace rules are refused by ARM until you edit them."</p>
        <p id="current-state-summary">{summary}</p>
        <div class="field">
            <label for="f-current_state">"Paste the current settings (az cognitiveservices account show …)"</label>
            <textarea id="f-current_state" rows="5" aria-describedby="current-state-message" prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            <div class="actions">
                <button type="button" id="current-state-use" on:click=use_settings>"Use these settings"</button>
                <button type="button" id="current-state-forget" on:click=forget>"Forget them"</button>
            </div>
            <p class="field-msg" id="current-state-message">{move || message.get()}</p>
            {field_messages("current_state".to_owned())}
        </div>
    }
    .into_any()
}
