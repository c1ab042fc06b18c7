//! The page: skip link, step navigation, the current step's form, and the output panel.
//! The title and introduction are static in index.html (painted before the app starts).

use std::time::Duration;

use leptos::prelude::*;

use crate::ui::erased::memo;

use super::attr::bool_attr;
use super::browser;
use super::output_panel::output_panel;
use super::state::{AppState, Panel, WizardStep};
use super::steps::{custom_domain, network, private_endpoints, review, storage, target};
use crate::core::diagnostics::errors_phrase;
use crate::core::diagnostics::{step_of_field, Severity};

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    // Undo goes back as far as the draft the page opened with.
    state.draft.with_untracked(super::history::start);
    provide_context(state);
    #[cfg(feature = "arm-direct")]
    super::arm_guard::forget_on_pagehide(super::arm_session::ArmSession::provide(state));
    // Back and Forward move between steps.
    browser::on_window_event("popstate", move || {
        let (step, tab) = browser::step_and_tab_from_url();
        let step = step
            .and_then(|s| WizardStep::from_id(&s))
            .unwrap_or(WizardStep::Target);
        if let Some(tab) = tab.and_then(|t| crate::core::render::OutputTarget::from_id(&t)) {
            state.tab.set(tab);
        }
        state.step.set(step);
        state.panel.set(Panel::Form);
        request_animation_frame(move || {
            browser::focus_element(&format!("heading-{}", step.id()));
        });
    });
    // The open step is built at once; the output panel and then each other step (built once,
    // then kept while hidden) each in a task of its own after the first frame. The first field
    // is ready sooner, and start-up is short tasks instead of one long one that blocks input
    // (Lighthouse's total blocking time).
    let first_step = state.step.get_untracked();
    // A part asked for sooner (the skip link, a step opened) is built at once, before the next
    // frame moves the focus into it; once built, it stays.
    let stage = stages(WizardStep::ALL.len());
    let ready = move |at: usize, wanted: Box<dyn Fn() -> bool + Send + Sync>| {
        memo(move |built: Option<&bool>| built == Some(&true) || stage.get() >= at || wanted())
    };
    let output_built = ready(1, Box::new(move || state.panel.get() == Panel::Output));
    let mut later = 1;
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        state.panel.set(Panel::Output);
        request_animation_frame(|| {
            browser::focus_element("output-code");
        });
    };
    view! {
        <a class="skip-link" href="#output-code" on:click=skip>"Skip to the generated script"</a>
        <main>
            <div class="panel-switch" role="group" aria-label="Show">
                <button type="button" aria-pressed=move || bool_attr(state.panel.get() == Panel::Form) on:click=move |_| state.panel.set(Panel::Form)>"Form"</button>
                <button type="button" id="show-output" aria-pressed=move || bool_attr(state.panel.get() == Panel::Output) on:click=move |_| state.panel.set(Panel::Output)>"Script"</button>
            </div>
            {link_choice()}
            <div class="layout" class:show-output=move || state.panel.get() == Panel::Output>
                <div class="form-side">
                    {super::history::undo_bar()}
                    {step_nav()}
                    {WizardStep::ALL
                        .into_iter()
                        .map(|step| {
                            if step == first_step {
                                return step_section(step);
                            }
                            later += 1;
                            let opened = Box::new(move || state.step.get() == step);
                            built_once(ready(later, opened), Some(step))
                        })
                        .collect_view()}
                </div>
                <div class="output-side">{built_once(output_built, None)}</div>
            </div>
            <div id="announcer" class="visually-hidden" role="status" aria-live="polite">{move || state.spoken.get()}</div>
        </main>
    }
}

/// A share link whose configuration differs from the saved one asks before it replaces it.
fn link_choice() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.link_choice.with(|t| !t.is_empty()).then(|| {
            view! {
                <div class="choice" id="link-choice" role="group" aria-labelledby="link-choice-text">
                    <p id="link-choice-text">"This link opens a configuration that differs from the one saved in this browser. Opening it replaces yours; Undo brings yours back."</p>
                    <div class="actions">
                        <button type="button" id="link-open" on:click=move |_| state.choose_link(true)>"Open the link’s configuration"</button>
                        <button type="button" id="link-keep" class="primary" on:click=move |_| state.choose_link(false)>"Keep mine"</button>
                    </div>
                </div>
            }
        })
    }
}

/// A count that rises by one per task after the first frame, up to `last`: views shown once
/// it reaches their number are built each in a task of their own (every timer is a task).
fn stages(last: usize) -> RwSignal<usize> {
    let stage = RwSignal::new(0);
    request_animation_frame(move || {
        for n in 1..last + 1 {
            set_timeout(move || stage.set(n), Duration::ZERO);
        }
    });
    stage
}

/// Nothing until `ready`, then a step's section (or, for `None`, the output panel), built once.
fn built_once(ready: Memo<bool>, part: Option<WizardStep>) -> AnyView {
    (move || {
        ready
            .get()
            .then(|| part.map_or_else(output_panel, step_section))
    })
    .into_any()
}

fn step_nav() -> AnyView {
    let state = expect_context::<AppState>();
    view! {
        <nav aria-label="Wizard steps">
            <ol class="steps">
                {WizardStep::ALL
                    .into_iter()
                    .map(|step| {
                        let errors = memo(move |_| {
                            state.shown.with(|m| {
                                m.iter()
                                    .filter(|(field, _)| step_of_field(field) == step.id())
                                    .flat_map(|(_, ds)| ds)
                                    .filter(|d| d.severity == Severity::Error)
                                    .count()
                            })
                        });
                        view! {
                            <li>
                                <button
                                    type="button"
                                    data-step=step.id()
                                    aria-current=move || (state.step.get() == step).then_some("step")
                                    on:click=move |_| state.go_to(step)
                                >
                                    {step_title(step)}
                                    {move || {
                                        let n = errors.get();
                                        (n > 0).then(|| view! { <span class="badge" aria-label=errors_phrase(n)>{n}</span> })
                                    }}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
    .into_any()
}

fn step_title(step: WizardStep) -> String {
    format!("{}. {}", step.index() + 1, step.label())
}

/// The Review step, with the "Apply directly in Azure" panel when the build has it.
fn review_step_view() -> AnyView {
    #[cfg(feature = "arm-direct")]
    if super::arm_guard::is_framed() {
        return (review::review_step(), super::arm_guard::framed_notice()).into_any();
    }
    // The apply page's main path comes first: token, Load or Compare, Apply.
    #[cfg(feature = "arm-direct")]
    return (super::arm_panel::arm_panel(), review::review_step()).into_any();
    #[cfg(not(feature = "arm-direct"))]
    review::review_step().into_any()
}

fn step_section(step: WizardStep) -> AnyView {
    let state = expect_context::<AppState>();
    let index = step.index();
    let body = match step {
        WizardStep::Target => target::target_step().into_any(),
        WizardStep::CustomDomain => custom_domain::custom_domain_step().into_any(),
        WizardStep::Network => network::network_step().into_any(),
        WizardStep::PrivateEndpoints => private_endpoints::private_endpoints_step().into_any(),
        WizardStep::Storage => storage::storage_step().into_any(),
        WizardStep::Review => review_step_view(),
    };
    let previous = index.checked_sub(1).map(|i| WizardStep::ALL[i]);
    let next = WizardStep::ALL.get(index + 1).copied();
    // Next shows this step's errors (a person who moves on has finished with it).
    let go_next = move |n: WizardStep| {
        state.touched.update(|t| t.step(step));
        state.go_to(n);
    };
    view! {
        <section id=format!("step-{}", step.id()) class="step" hidden=move || state.step.get() != step aria-labelledby=format!("heading-{}", step.id())>
            <h2 id=format!("heading-{}", step.id()) tabindex="-1">{step_title(step)}</h2>
            {body}
            <div class="step-nav">
                {previous.map(|p| view! { <button type="button" on:click=move |_| state.go_to(p)>"Back: "{p.label()}</button> })}
                {next.map(|n| view! { <button type="button" class="primary" on:click=move |_| go_next(n)>"Next: "{n.label()}</button> })}
            </div>
        </section>
    }
    .into_any()
}
