//! The live output: one tab per target, a highlighted code view (line numbers, wrap, the lines
//! an edit changed marked for a moment), copy and downloads, one status line, and the problems.

use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::erased::{derived, effect, memo, Show};

use super::attr::bool_attr;
use super::browser;
use super::state::{notice_view, AppState, WizardStep, AT_OUTPUT};
use crate::core::diagnostics::errors_phrase;
use crate::core::diagnostics::{dom_id, list_entry_label, step_of_field, Diagnostic, Severity};
use crate::core::draft::Draft;
use crate::core::highlight::{Language, LineCache, LineChanges, Marks};
use crate::core::network_diff::network_diff;
use crate::core::plan::Plan;
use crate::core::render::inside_check::inside_check_files;
use crate::core::render::{render, OutputTarget, RenderContext};
use crate::core::rollback::{rollback_plan, NOT_ROLLED_BACK};
use crate::core::zip::zip_stored;
use crate::ui::markup::{markup, Part, Part::*};

/// What the code view shows: one target's script, from the last plan without errors.
#[derive(Clone, PartialEq)]
struct Shown {
    tab: OutputTarget,
    text: String,
    /// The header's reopen link in it: when only the link changed, nobody typed anything.
    link: String,
}

/// What no rollback undoes, above the rollback script: one markup string (see `ui::markup`).
/// The pattern takes every entry, so a new one cannot be left out.
const ROLLBACK_LIMITS: [Part; 7] = {
    let [custom_domain, storage, endpoints] = NOT_ROLLED_BACK;
    [
        Html(r#"<div class="callout" id="rollback-limits"><p>Cannot be rolled back:</p><ul><li>"#),
        Text(custom_domain),
        Html("</li><li>"),
        Text(storage),
        Html("</li><li>"),
        Text(endpoints),
        Html("</li></ul></div>"),
    ]
};

pub fn output_panel() -> AnyView {
    let state = expect_context::<AppState>();
    state.make_first_link();
    let today = browser::today();
    // The last plan without errors, with its render context (the header's reopen link follows
    // the draft once typing pauses: `AppState::refresh_link`). It stays on screen (out of date,
    // never greyed) while the form has errors, so typing through an invalid moment does not
    // blank or flash the script. Shared, not copied, by the memos that pass it on.
    type Planned = Option<Arc<(Plan, RenderContext)>>;
    type RollbackPlanned = Option<Result<Arc<(Plan, RenderContext)>, String>>;
    let rollback_today = today.clone();
    let last_plan: Memo<Planned> = derived(move |previous: Option<Planned>| {
        let link = state.reopen_link.get();
        match state.generated.with(|g| g.plan.clone()) {
            Some(plan) => {
                let context = RenderContext::with_link(&today, link);
                (Some(Arc::new((plan, context))), true)
            }
            None => (previous.flatten(), false),
        }
    });
    // Forward or rollback: the way back exists once the draft carries a snapshot.
    let has_snapshot = memo(move |_| state.draft.with(Draft::has_way_back));
    let rollback = state.rollback;
    let showing_rollback = memo(move |_| rollback.get() && has_snapshot.get());
    let rollback_plan: Memo<RollbackPlanned> = derived(move |_| {
        let plan = showing_rollback.get().then(|| {
            state.draft.with(|d| {
                rollback_plan(d).map(|(plan, notes)| {
                    let mut context =
                        RenderContext::with_link(&rollback_today, state.reopen_link.get());
                    context.header_notes = notes;
                    Arc::new((plan, context))
                })
            })
        });
        (plan, true)
    });
    let rollback_problem = memo(move |_| {
        rollback_plan.with(|r| match r {
            Some(Err(message)) => Some(message.clone()),
            _ => None,
        })
    });
    // What the code view, copy and downloads use: the forward plan or the way back.
    let active: Memo<Planned> = derived(move |_| {
        let planned = if showing_rollback.get() {
            rollback_plan.with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).cloned())
        } else {
            last_plan.get()
        };
        (planned, true)
    });
    let out_of_date = memo(move |_| {
        if showing_rollback.get() {
            rollback_problem.with(Option::is_some)
        } else {
            state.generated.with(|g| g.plan.is_none())
        }
    });
    let file_name = move || {
        let name = state.tab.get().file_name();
        if showing_rollback.get() {
            format!("rollback-{name}")
        } else {
            name.to_owned()
        }
    };
    // Before (the snapshot) and after (what the forward plan leaves), when there is a snapshot.
    let diff = memo(move |_| {
        last_plan.with(|planned| {
            planned
                .as_deref()
                .and_then(|(plan, _)| network_diff(plan))
                .unwrap_or_default()
        })
    });
    let shown = memo(move |_| {
        let tab = state.tab.get();
        active.with(|planned| {
            planned.as_deref().map(|(plan, context)| Shown {
                tab,
                text: render(plan, tab, context),
                link: context.reopen_link.clone(),
            })
        })
    });
    // The lines that differ from what the same tab showed before the last edit are marked; the
    // cache highlights again only the lines that differ, and only those are written to the page
    // (a keystroke in a long script stays cheap).
    // What was shown before: its tab and link (a change of `shown` in the same tab with the same
    // link is a change of the text, so the text need not be kept and compared again).
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
    let error_count = memo(move |_| state.generated.with(|g| g.validation.errors().count()));
    let shown_errors = memo(move |_| {
        state.shown.with(|m| {
            m.values()
                .flatten()
                .filter(|d| d.severity == Severity::Error)
                .count()
        })
    });
    // The steps that still hold an error nobody has been shown yet, in wizard order: a new
    // user sees where to go, not an empty or partial problems list.
    let steps_to_fill = memo(move |_| {
        state.touched.with(|touched| {
            state.generated.with(|g| {
                let hidden: Vec<WizardStep> = g
                    .validation
                    .errors()
                    .filter(|d| !touched.shows(d))
                    .filter_map(|d| WizardStep::from_id(step_of_field(&d.field)))
                    .collect();
                WizardStep::ALL
                    .iter()
                    .filter(|s| hidden.contains(s))
                    .map(|s| s.label())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        })
    });
    let status = memo(move |_| {
        if let Some(problem) = rollback_problem.get() {
            return problem;
        }
        if showing_rollback.get() {
            return "Rollback: restores the network settings of the imported snapshot. Review it first.".to_owned();
        }
        let (all, visible) = (error_count.get(), shown_errors.get());
        let has_script = shown.with(Option::is_some);
        if all == 0 {
            "Ready to run. Review it first.".to_owned()
        } else if visible == 0 {
            format!(
                "Fill in the steps still missing a required field: {}.",
                steps_to_fill.get()
            )
        } else {
            let what = if has_script {
                format!(
                    "{} to fix: the script below is from before the last change.",
                    errors_phrase(all)
                )
            } else {
                format!(
                    "{} to fix before a script can be generated.",
                    errors_phrase(all)
                )
            };
            // Errors of steps nobody has filled yet are counted, not listed: say where they are.
            if visible < all {
                format!(
                    "{what} {visible} listed below; {} in steps not filled yet: {}.",
                    all - visible,
                    steps_to_fill.get()
                )
            } else {
                what
            }
        }
    });
    announce_after_a_pause(state, status);

    let wrap = RwSignal::new(false);
    // What leaves the page carries the link of the draft as it is now.
    let copy = move |_| {
        state.refresh_link();
        let Some(text) = shown.with(|s| s.as_ref().map(|s| s.text.clone())) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let ok = browser::copy_to_clipboard(&text).await;
            state.say(AT_OUTPUT, if ok {
                format!("Copied {} lines.", text.lines().count())
            } else {
                "Copying failed: the browser refused. Select the script and copy it, or download it.".to_owned()
            });
        });
    };
    let download = move |_| {
        state.refresh_link();
        let Some((tab, text)) = shown.with(|s| s.as_ref().map(|s| (s.tab, s.text.clone()))) else {
            return;
        };
        let name = file_name();
        let ok = browser::download(&name, tab.download_text(&text).as_bytes(), mime_of(tab));
        state.say(
            AT_OUTPUT,
            if ok {
                format!("Downloaded {name}.")
            } else {
                "The download could not start.".to_owned()
            },
        );
    };
    let download_all = move |_| {
        state.refresh_link();
        let prefix = if showing_rollback.get_untracked() {
            "rollback-"
        } else {
            ""
        };
        let files: Option<(Vec<(String, String)>, String)> = active.with(|planned| {
            planned.as_deref().map(|(plan, context)| {
                let files = OutputTarget::ALL
                    .iter()
                    .map(|t| {
                        (
                            format!("{prefix}{}", t.file_name()),
                            t.download_text(&render(plan, *t, context)),
                        )
                    })
                    .collect();
                (files, context.generated_on.clone())
            })
        });
        let Some((mut files, date)) = files else {
            return;
        };
        // And the check to run from inside the network once the plan has run.
        if prefix.is_empty() {
            let checks = active.with(|planned| {
                planned
                    .as_deref()
                    .and_then(|(plan, context)| inside_check_files(plan, context))
            });
            for (name, text) in checks.into_iter().flatten() {
                files.push((name.to_owned(), text));
            }
        }
        // The configuration travels with its scripts: opened in the wizard (Load), it gives
        // them again.
        files.push(state.draft.with_untracked(|draft| {
            (
                crate::core::config_file::config_file_name(draft),
                crate::core::config_file::to_config_json(draft),
            )
        }));
        let entries: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(name, text)| (name.as_str(), text.as_bytes()))
            .collect();
        let zip = zip_stored(&entries, &date);
        let name = format!("{prefix}{ALL_FILE_NAME}");
        let ok = browser::download(&name, &zip, "application/zip");
        state.say(
            AT_OUTPUT,
            if ok {
                format!(
                "Downloaded {name} (the four scripts, the inside checks and the configuration)."
            )
            } else {
                "The download could not start.".to_owned()
            },
        );
    };
    // The check for this tab's shell: PowerShell for the two PowerShell tabs, else bash.
    let download_check = move |_| {
        let powershell = matches!(
            state.tab.get_untracked(),
            OutputTarget::PowerShell | OutputTarget::AzPowerShell
        );
        let checks = last_plan.with(|planned| {
            planned
                .as_deref()
                .and_then(|(plan, context)| inside_check_files(plan, context))
        });
        let Some([bash, ps1]) = checks else {
            return state.say(AT_OUTPUT, "No inside check for this resource type: the hosts its clients call are not in the wizard's tables.".into());
        };
        let (name, text) = if powershell { ps1 } else { bash };
        let ok = browser::download(name, text.as_bytes(), "text/plain");
        state.say(
            AT_OUTPUT,
            if ok {
                format!(
                "Downloaded {name}: run it on a machine inside the network once the plan has run."
            )
            } else {
                "The download could not start.".to_owned()
            },
        );
    };
    let on_tab_key = move |ev: leptos::ev::KeyboardEvent| {
        let all = OutputTarget::ALL;
        let current = all.iter().position(|t| *t == state.tab.get()).unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => (current + 1) % all.len(),
            "ArrowLeft" => (current + all.len() - 1) % all.len(),
            "Home" => 0,
            "End" => all.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        state.select_tab(all[next]);
        browser::focus_element(&format!("tab-{}", all[next].id()));
    };

    view! {
        <section class="output" aria-labelledby="output-heading">
            <h2 id="output-heading" class="visually-hidden">"Generated script"</h2>
            <div role="tablist" aria-label="Output format" class="tabs" on:keydown=on_tab_key>
                {OutputTarget::ALL
                    .into_iter()
                    .map(|t| {
                        let selected = move || state.tab.get() == t;
                        view! {
                            <button
                                type="button"
                                role="tab"
                                id=format!("tab-{}", t.id())
                                aria-controls="output-tabpanel"
                                aria-selected=move || bool_attr(selected())
                                tabindex=move || if selected() { "0" } else { "-1" }
                                on:click=move |_| state.select_tab(t)
                            >
                                <span class="long">{t.label()}</span>
                                <span class="short">{short_label(t)}</span>
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <div role="tabpanel" id="output-tabpanel" aria-labelledby=move || format!("tab-{}", state.tab.get().id())>
                <Show when=move || has_snapshot.get()>
                    <div class="direction" role="group" aria-label="Direction">
                        <button type="button" id="show-forward" aria-pressed=move || bool_attr(!rollback.get()) on:click=move |_| rollback.set(false)>"Forward"</button>
                        <button type="button" id="show-rollback" aria-pressed=move || bool_attr(rollback.get()) on:click=move |_| rollback.set(true)>"Rollback"</button>
                    </div>
                </Show>
                <Show when=move || showing_rollback.get()>
                    {markup(&ROLLBACK_LIMITS)}
                </Show>
                <p id="output-status">{move || status.get()}</p>
                <div class="output-bar">
                    <button type="button" id="copy-output" disabled=move || out_of_date.get() on:click=copy>"Copy"</button>
                    <button type="button" id="download-output" disabled=move || out_of_date.get() on:click=download>
                        "Download "{file_name}
                    </button>
                    <button type="button" id="download-all" disabled=move || out_of_date.get() on:click=download_all>
                        "Download all (.zip)"
                    </button>
                    <button type="button" id="download-check" disabled=move || out_of_date.get() || showing_rollback.get() on:click=download_check title="A bash or PowerShell check to run inside the network after the plan: name resolution and one request per host">
                        "Check from inside"
                    </button>
                    <label class="wrap-toggle">
                        <input type="checkbox" id="wrap-lines" prop:checked=move || wrap.get() on:change=move |ev| wrap.set(event_target_checked(&ev)) />
                        " Wrap lines"
                    </label>
                    {super::page_link::other_page_link()}
                </div>
                {notice_view(AT_OUTPUT)}
                <pre
                    id="output-code"
                    tabindex="0"
                    aria-label="Script"
                    class:stale=move || out_of_date.get()
                    class:wrap=move || wrap.get()
                    aria-busy=move || state.link_pending.get().then_some("true")
                >
                    <code node_ref=code_ref></code>
                    {move || shown.with(Option::is_none).then(|| placeholder(shown_errors.get()))}
                </pre>
            </div>
            <Show when=move || !showing_rollback.get() && !diff.with(Vec::is_empty)>
                <details id="network-diff" open>
                    <summary>"Network settings: before (imported) and after this script"</summary>
                    <ul>
                        {move || diff.get().into_iter().map(|line| {
                            view! { <li class=format!("diff-{}", line.change().label())>{line.describe()}</li> }
                        }).collect_view()}
                    </ul>
                </details>
            </Show>
            {diagnostics_list()}
        </section>
    }
    .into_any()
}

const ALL_FILE_NAME: &str = "isolate-azure-ai-scripts.zip";

fn mime_of(tab: OutputTarget) -> &'static str {
    match tab {
        OutputTarget::Rest => "text/plain",
        OutputTarget::PowerShell | OutputTarget::AzBash | OutputTarget::AzPowerShell => {
            "text/x-script"
        }
    }
}

/// What the empty code view says: before any field is touched no problem is listed yet,
/// so it must not point at a list that is empty.
fn placeholder(listed_errors: usize) -> &'static str {
    if listed_errors == 0 {
        "The script appears here once the required fields of the steps are filled in."
    } else {
        "The script appears here once the problems listed below are fixed."
    }
}

/// Tab labels that fit a phone's width.
fn short_label(tab: OutputTarget) -> &'static str {
    match tab {
        OutputTarget::PowerShell => "PowerShell",
        OutputTarget::AzBash => "CLI bash",
        OutputTarget::AzPowerShell => "CLI PS",
        OutputTarget::Rest => "REST",
    }
}

/// The page's one live region: it speaks the status once typing has paused, and notices
/// (copied, downloaded, loaded) at once.
fn announce_after_a_pause(state: AppState, status: Memo<String>) {
    let spoken = state.spoken;
    let said = StoredValue::new(String::new());
    let generation = StoredValue::new(0u32);
    effect(move |first: Option<()>| {
        let text = status.get();
        if first.is_none() {
            // Nothing to announce on load: the page itself is being read.
            said.set_value(text);
            return;
        }
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() == mine && said.with_value(|s| *s != text) {
                    said.set_value(text.clone());
                    spoken.set(text);
                }
            },
            std::time::Duration::from_millis(1200),
        );
    });
    effect(move |_| {
        let notice = state.notice.get();
        if !notice.is_empty() {
            spoken.set(notice);
        }
    });
}

/// "Problems: 2 errors, 1 warning": the errors counted as the status line counts them.
fn problems_heading(items: &[Diagnostic]) -> String {
    let errors = items
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = items.len() - errors;
    let plural = if warnings == 1 { "" } else { "s" };
    format!(
        "Problems: {}, {warnings} warning{plural}",
        errors_phrase(errors)
    )
}

/// Every error and warning a person sees now, each a link that opens its step and focuses
/// its field.
fn diagnostics_list() -> AnyView {
    let state = expect_context::<AppState>();
    let items = memo(move |_| {
        state.touched.with(|t| {
            state.generated.with(|g| {
                g.validation
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity != Severity::Info && t.shows(d))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <section id="diagnostics" aria-labelledby="problems-heading">
            <h2 id="problems-heading">{move || items.with(|items| problems_heading(items))}</h2>
            <ul>
                {move || {
                    items
                        .get()
                        .into_iter()
                        .map(|d| {
                            let target_id = dom_id(&d.field);
                            let step = WizardStep::from_id(step_of_field(&d.field)).unwrap_or(WizardStep::Target);
                            let class = if d.severity == Severity::Error { "diag error" } else { "diag warning" };
                            let href = format!("#{target_id}");
                            let place = match list_entry_label(&d.field) {
                                Some(entry) => format!("{} · {entry}", step.label()),
                                None => step.label().to_owned(),
                            };
                            view! {
                                <li>
                                    <a
                                        class=class
                                        href=href
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            state.go_to(step);
                                            let id = target_id.clone();
                                            request_animation_frame(move || {
                                                request_animation_frame(move || {
            browser::focus_element(&id);
        })
                                            });
                                        }
                                    >
                                        <span class="where">{place}</span>
                                        " "
                                        {d.message}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
    .into_any()
}
