//! The page: header, step navigation, the current step's form, and the output panel.

use leptos::prelude::*;

use super::output_panel::output_panel;
use super::state::{AppState, WizardStep};
use super::steps::{custom_domain, network, private_endpoints, review, storage, target};
use crate::core::diagnostics::{step_of_field, Severity};

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    view! {
        <header class="site">
            <h1>"Azure AI network isolation wizard"</h1>
            <p>"Lock down Azure AI resources without breaking them: fill the steps, review the plan, run the generated script. Everything happens in this page; nothing is sent anywhere."</p>
        </header>
        <main class="layout">
            <div class="form-side">
                {step_nav()}
                {WizardStep::ALL.into_iter().map(step_section).collect_view()}
            </div>
            <div class="output-side">{output_panel()}</div>
        </main>
    }
}

fn step_nav() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <nav aria-label="Wizard steps">
            <ol class="steps">
                {WizardStep::ALL
                    .into_iter()
                    .enumerate()
                    .map(|(i, step)| {
                        let errors = Memo::new(move |_| {
                            state.generated.with(|g| {
                                g.validation
                                    .diagnostics
                                    .iter()
                                    .filter(|d| d.severity == Severity::Error && step_of_field(&d.field) == step.id())
                                    .count()
                            })
                        });
                        view! {
                            <li>
                                <button
                                    type="button"
                                    data-step=step.id()
                                    aria-current=move || (state.step.get() == step).then_some("step")
                                    on:click=move |_| state.step.set(step)
                                >
                                    {format!("{}. {}", i + 1, step.label())}
                                    {move || {
                                        let n = errors.get();
                                        (n > 0).then(|| view! { <span class="badge" aria-label=format!("{n} errors")>{n}</span> })
                                    }}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}

fn step_section(step: WizardStep) -> impl IntoView {
    let state = expect_context::<AppState>();
    let index = WizardStep::ALL.iter().position(|s| *s == step).unwrap_or(0);
    let body = match step {
        WizardStep::Target => target::target_step().into_any(),
        WizardStep::CustomDomain => custom_domain::custom_domain_step().into_any(),
        WizardStep::Network => network::network_step().into_any(),
        WizardStep::PrivateEndpoints => private_endpoints::private_endpoints_step().into_any(),
        WizardStep::Storage => storage::storage_step().into_any(),
        WizardStep::Review => review::review_step().into_any(),
    };
    let previous = index.checked_sub(1).map(|i| WizardStep::ALL[i]);
    let next = WizardStep::ALL.get(index + 1).copied();
    view! {
        <section id=format!("step-{}", step.id()) class="step" hidden=move || state.step.get() != step aria-labelledby=format!("heading-{}", step.id())>
            <h2 id=format!("heading-{}", step.id())>{format!("{}. {}", index + 1, step.label())}</h2>
            {body}
            <div class="step-nav">
                {previous.map(|p| view! { <button type="button" on:click=move |_| state.step.set(p)>{format!("Back: {}", p.label())}</button> })}
                {next.map(|n| view! { <button type="button" class="primary" on:click=move |_| state.step.set(n)>{format!("Next: {}", n.label())}</button> })}
            </div>
        </section>
    }
}
