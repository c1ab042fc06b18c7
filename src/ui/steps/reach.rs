//! "Who can reach it?" on the Review step: a client (a public address, a subnet, an
//! on-premises network forwarding its DNS to a virtual network, trusted services) and, for each
//! host of the account, whether it gets in after the change and through what, and before the
//! change when the current settings are known, and how its name resolves, step by step. The
//! answers are the core's (`reachability::answer_lines`): `wizard-cli check`'s lines, each
//! followed by the resolution chain (which `check --json` gives as `chain`).

use leptos::prelude::*;

use crate::core::quote::html_options;
use crate::core::reachability::answer_lines;
use crate::ui::browser;
use crate::ui::erased::memo;
use crate::ui::state::AppState;

/// The kinds of client offered, by the value `answer_lines` reads: (value, label, what to
/// type, or empty when nothing is typed).
const CLIENT_KINDS: [(&str, &str, &str); 4] = [
    ("ip", "A public IP address", "Its address, e.g. 203.0.113.7"),
    ("subnet", "A subnet in Azure", "The subnet's resource ID"),
    (
        "onprem",
        "On premises, DNS forwarded to a virtual network",
        "The resource ID of the virtual network whose resolver it forwards to",
    ),
    ("trusted", "Trusted Azure services", ""),
];

/// Where the question is kept in the browser, so a reload keeps it (it is not configuration).
const KEPT: &str = "ai-network-wizard.reach";

pub fn reach_panel() -> AnyView {
    let state = expect_context::<AppState>();
    let kept = browser::load_text(KEPT).unwrap_or_default();
    let (kept_kind, kept_text) = kept.split_once('\n').unwrap_or(("ip", ""));
    let kind = RwSignal::new(kept_kind.to_owned());
    let text = RwSignal::new(kept_text.to_owned());
    let keep = move || {
        browser::save_text(
            KEPT,
            &format!("{}\n{}", kind.get_untracked(), text.get_untracked()),
        )
    };
    let answers = memo(move |_| {
        let (kind, text) = (kind.get(), text.get());
        state
            .generated
            .with(|g| g.plan.as_ref().map(|plan| answer_lines(plan, &kind, &text)))
    });
    let prompt = move || {
        kind.with(|k| {
            CLIENT_KINDS
                .iter()
                .find(|(value, ..)| value == k)
                .map_or("", |(.., prompt)| *prompt)
        })
    };
    view! {
        <h3 id="reach-heading">"Who can reach it?"</h3>
        <p class="hint">"After this plan (and before it, when the current settings are known), for each host clients call: how the name resolves and whether the request gets in, with the rule or setting that decides."</p>
        <div class="field">
            <label for="reach-kind">"The client"</label>
            <select id="reach-kind" inner_html=html_options(CLIENT_KINDS.iter().map(|(v, l, _)| (*v, *l)), kept_kind) on:change=move |ev| { kind.set(event_target_value(&ev)); keep(); }></select>
        </div>
        {move || (!prompt().is_empty()).then(|| view! {
            <div class="field">
                <label for="reach-client">{prompt}</label>
                <input id="reach-client" type="text" spellcheck="false" autocomplete="off" prop:value=move || text.get() on:input=move |ev| { text.set(event_target_value(&ev)); keep(); }/>
            </div>
        })}
        <div id="reach-answers" class="field-msg lines" aria-live="polite">{move || match answers.get() {
            None => "Fix the errors listed in the output panel to see who gets in.".to_owned(),
            Some(Err(message)) => message,
            Some(Ok(lines)) => lines.join("\n"),
        }}</div>
    }
    .into_any()
}
