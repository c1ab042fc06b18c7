//! "Apply directly in Azure": a pasted token (kept in this page's memory only), what it says,
//! the Resource Manager endpoint, "Load from Azure", the plan's steps with what each would
//! change, and Apply / Cancel / Resume. The executor in the core decides; this file only
//! fetches, waits, asks and shows.

use leptos::prelude::*;

use crate::ui::erased::memo;

use super::arm_beyond::beyond_view;
use super::arm_endpoint;
use super::arm_fetch;
use super::arm_session::{ArmSession, Run};
use super::browser;
use super::state::{notice_view, AppState, AT_TOKEN};
use crate::arm_client::beyond_target::plan_beyond_target;
use crate::arm_client::endpoint::{parse_custom_endpoint, resource_read};
use crate::arm_client::{
    policy, token::token_command_pair, Executor, HttpRequest, HttpResponse, Next, Outcome, Resumed,
    StepPreview, StepStatus, TransportError,
};
use crate::core::current_state::keep_reads;
use crate::core::plan::{ArmRequest, Plan};
use crate::core::rollback::rollback_plan;
use serde_json::Value;

pub fn arm_panel() -> AnyView {
    let state = expect_context::<AppState>();
    let session = expect_context::<ArmSession>();
    let ArmSession {
        token,
        now,
        checked,
        expired_note,
        ..
    } = session;
    let custom = session.custom();
    let cloud = move || state.draft.with(|d| d.target.cloud);
    let endpoint = move || session.endpoint();
    let usable = move || session.usable();
    let (run, loaded, load_message) = (session.run, session.loaded, session.load_message);
    // Apply comes after Load or Compare: the person has seen what it would change.
    let compared = move || loaded.with(|l| !l.is_empty());
    let preview = memo(move |_| {
        let plan = chosen_plan(state).ok()?;
        let mut executor = Executor::new(plan, "");
        loaded.with(|reads| remember(&mut executor, reads));
        Some(executor.preview())
    });
    let beyond = session.beyond;
    let unacknowledged = "Tick the acknowledgement above the buttons first: the plan deletes or changes resources beyond the target.";

    let load = move |_| {
        let request = match state.draft.with_untracked(|d| resource_read(&d.target)) {
            Ok(request) => request,
            Err(message) => return load_message.set(message),
        };
        load_message.set("Reading the resource…".into());
        leptos::task::spawn_local(load_from_azure(
            state,
            session,
            request,
            loaded,
            load_message,
        ));
    };

    let compare = move |_| {
        load_message.set("Reading what the plan touches…".into());
        leptos::task::spawn_local(async move {
            loaded.set(Vec::new());
            let mut lines = read_what_the_plan_touches(state, session, loaded, load_message).await;
            lines.extend(keep_in_form(state, loaded));
            state.spoken.set(lines[0].clone());
            load_message.set(lines.join("\n"));
        });
    };

    let apply = {
        move |_| {
            let plan = match chosen_plan(state) {
                Ok(plan) => plan,
                Err(message) => return run.activity.set(message),
            };
            if !beyond.cleared_for(&plan_beyond_target(&plan)) {
                run.activity.set(unacknowledged.into());
                return;
            }
            let mut executor = Executor::new(plan, &endpoint());
            loaded.with_untracked(|reads| remember(&mut executor, reads));
            run.executor.set_value(Some(executor));
            drive(session);
        }
    };
    // The plan as the form says now: the person may have fixed the cause in the form.
    let resume = move |_| {
        let plan = match chosen_plan(state) {
            Ok(plan) => plan,
            Err(message) => {
                return run
                    .activity
                    .set(format!("{}, then Resume.", message.trim_end_matches('.')))
            }
        };
        if !beyond.cleared_for(&plan_beyond_target(&plan)) {
            run.activity.set(unacknowledged.into());
            return;
        }
        run.executor.update_value(|e| {
            if let Some(e) = e {
                e.resume(plan);
            }
        });
        drive(session);
    };
    let cancel = move |_| {
        run.executor.update_value(|e| {
            if let Some(e) = e {
                e.cancel();
            }
        });
        run.activity
            .set("Cancelling after the current request…".into());
    };
    let forget = move |_| {
        token.set(String::new());
        expired_note.set("Token forgotten.".into());
        browser::focus_element("arm-token");
    };
    let custom_text = RwSignal::new(custom.clone().unwrap_or_default());
    let custom_message = RwSignal::new(String::new());
    let save_custom = move |_| match parse_custom_endpoint(&custom_text.get_untracked()) {
        Ok(e) => arm_endpoint::use_custom_endpoint(Some(&e)),
        Err(message) => custom_message.set(message),
    };
    let has_custom = custom.is_some();

    view! {
        <section class="arm-panel" aria-labelledby="arm-heading">
            <h3 id="arm-heading">"Apply directly in Azure (optional)"</h3>
            <p>"Instead of running a script, this page can send the REST tab's requests itself with an access token you paste. The token stays in this page's memory: it is never saved, put in the address, a link, a download or a script, and it is dropped when it expires or when you forget it."</p>
            <ol class="arm-flow">
                <li>"Paste an access token."</li>
                <li>"Load from Azure, or Compare with Azure: reads what the plan touches; each step below then says what Apply would change, with the requests it sends."</li>
                <li>"Apply, offered once that is done: sends the steps in order. A write that cannot be undone, that cuts clients off or that reaches beyond the resource asks first."</li>
            </ol>
            {custom.clone().map(|endpoint| view! {
                <div id="arm-test-endpoint" class="arm-test-endpoint" role="alert">
                    <p><strong>"Test endpoint: "</strong>"this page sends its requests, and the token, to "<code>{endpoint}</code>", a server on this machine, not to Azure. Only a token minted for it is accepted. It was set in this tab only."</p>
                    <button type="button" id="arm-endpoint-back" on:click=|_| arm_endpoint::use_custom_endpoint(None)>"Back to Azure (reloads the page)"</button>
                </div>
            })}
            <label for="arm-token">"Access token"</label>
            <input id="arm-token" type="password" autocomplete="off" spellcheck="false" aria-describedby="arm-token-message"
                prop:value=move || token.get()
                on:input=move |ev| { expired_note.set(String::new()); token.set(event_target_value(&ev)) }/>
            <p class="field-msg" id="arm-token-message">{move || match checked.get() {
                Some(Err(message)) => message,
                None => expired_note.get(),
                Some(Ok(_)) => String::new(),
            }}</p>
            <details id="arm-token-commands" open=move || checked.get().is_none()>
                <summary>"Get a token with"</summary>
                {move || ["Azure CLI", "Azure PowerShell (5.1 and 7)"].into_iter().zip(token_command_pair(cloud(), None)).map(|(shell, command)| {
                    let copied = command.clone();
                    view! {
                        <p class="arm-command">{shell}": "<code>{command}</code>" "
                            <button type="button" on:click=move |_| copy_command(state, copied.clone())>"Copy"</button>
                        </p>
                    }
                }).collect_view()}
                {notice_view(AT_TOKEN)}
            </details>
            {move || checked.get().and_then(Result::ok).map(|info| view! {
                <dl id="arm-token-info">
                    <dt>"Tenant"</dt><dd>{info.tenant.clone().unwrap_or_else(|| "(not in the token)".into())}</dd>
                    <dt>"Signed in as"</dt><dd>{info.subject.clone()}</dd>
                    <dt>"Audience"</dt><dd>{info.audience.clone()}</dd>
                    <dt>"Expires in"</dt><dd id="arm-token-expiry">{move || { let left = info.expires_at.saturating_sub(now.get()); format!("{}:{:02}", left / 60, left % 60) }}</dd>
                </dl>
                {move || (info.expires_at.saturating_sub(now.get()) < SHORT_TOKEN_SECONDS).then_some(view! { <p class="field-msg warning" id="arm-token-short">{SHORT_TOKEN}</p> })}
                <button type="button" id="arm-forget" on:click=forget>"Forget token"</button>
            })}
            <details class="arm-endpoint" open=has_custom>
                <summary>"Advanced: Resource Manager endpoint"</summary>
                <p id="arm-endpoint-now">"Requests go to "{endpoint}{if has_custom { " (custom)" } else { " (the cloud's)" }}</p>
                <label for="arm-endpoint">"Test endpoint on this machine (http://127.0.0.1:port or http://localhost:port), for this tab only"</label>
                <input id="arm-endpoint" type="url" prop:value=move || custom_text.get() on:input=move |ev| custom_text.set(event_target_value(&ev))/>
                <div class="actions">
                    <button type="button" id="arm-endpoint-save" on:click=save_custom>"Use it (reloads the page)"</button>
                </div>
                <p class="field-msg">{move || custom_message.get()}</p>
                <label for="arm-timeout">"Time limit per request, in seconds (at most 60)"</label>
                <input id="arm-timeout" type="number" min="1" max="60" inputmode="numeric"
                    prop:value=move || session.timeout_seconds.get().to_string()
                    on:change=move |ev| set_timeout_seconds(session, &event_target_value(&ev))/>
            </details>
            {beyond_view(state, beyond)}
            <div class="actions">
                <button type="button" id="arm-load" disabled=move || !usable() || run.running.get() on:click=load>"Load from Azure"</button>
                <button type="button" id="arm-compare" disabled=move || !usable() || run.running.get() on:click=compare>"Compare with Azure"</button>
                <button type="button" id="arm-apply" class="primary" disabled=move || !usable() || run.running.get() || !beyond.cleared() || !compared() on:click=apply>{move || if rolling_back(state) { "Apply the rollback" } else { "Apply" }}</button>
                <button type="button" id="arm-cancel" disabled=move || !run.running.get() on:click=cancel>"Cancel"</button>
                <button type="button" id="arm-resume" disabled=move || run.running.get() || !matches!(run.outcome.get(), Some(Outcome::Failed { .. } | Outcome::Cancelled { .. })) || !usable() || !beyond.cleared() on:click=resume>"Resume"</button>
            </div>
            {move || rolling_back(state).then(|| view! { <p class="hint" id="arm-rollback-note">"The script panel shows the rollback: Apply sends it, restoring the settings read before the plan ran. Choose Forward there to apply the plan."</p> })}
            <p class="hint" id="arm-load-note">"Load from Azure keeps your plan: what it reads is kept as the current settings (Review step) for exact requests."</p>
            {move || (usable() && !compared()).then(|| view! { <p class="field-msg" id="arm-apply-waits">"Apply is offered once Load or Compare has read what the plan touches: each step below then says what it would change, with the requests it sends."</p> })}
            {move || (!beyond.cleared()).then(|| view! { <p class="field-msg" id="arm-apply-blocked">{unacknowledged}</p> })}
            <p class="field-msg" id="arm-load-message">{move || load_message.get()}</p>
            <ol id="arm-steps">{move || step_list(run, preview.get())}</ol>
            <p id="arm-outcome" role="status">{move || outcome_text(run)}</p>
            {move || client_changes(state, run)}
        </section>
    }
    .into_any()
}

/// Below this, a run may outlive its token: private endpoints and zone links take minutes each.
const SHORT_TOKEN_SECONDS: u64 = 600;
const SHORT_TOKEN: &str = "Less than 10 minutes left: a run with private endpoints can take longer, and it stops when the token expires (Resume then goes on with a new one). Get a new token before a long run.";

fn copy_command(state: AppState, command: String) {
    leptos::task::spawn_local(async move {
        let ok = browser::copy_to_clipboard(&command).await;
        state.say(
            AT_TOKEN,
            if ok {
                "Copied: run it, then paste the token above."
            } else {
                "Copying failed: the browser refused. Select the command and copy it."
            }
            .into(),
        );
    });
}

/// Once every step is done: what clients change now, as the scripts' last step says it.
fn client_changes(state: AppState, run: Run) -> Option<AnyView> {
    if !matches!(run.outcome.get(), Some(Outcome::Completed)) {
        return None;
    }
    let lines = chosen_plan(state).ok()?.client_changes();
    (!lines.is_empty()).then(|| {
        view! {
            <div id="arm-client-changes" class="callout">
                <p><strong>"What clients change now"</strong></p>
                <ul>{lines.into_iter().map(|l| view! { <li>{l.trim().to_owned()}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any()
    })
}

/// The output panel shows the rollback, and there is a way back (a snapshot of the account).
fn rolling_back(state: AppState) -> bool {
    state.rollback.get() && state.draft.with(crate::core::draft::Draft::has_way_back)
}

/// What Apply and Resume send: the plan, or the rollback when the output panel shows it.
fn chosen_plan(state: AppState) -> Result<Plan, String> {
    if rolling_back(state) {
        return state
            .draft
            .with(|d| rollback_plan(d).map(|(plan, _)| plan))
            .map_err(|problem| format!("The rollback cannot be made: {problem}"));
    }
    state.generated.with(|g| g.plan.clone()).ok_or_else(|| {
        "The form has errors: fix them first (the problems list names them).".to_owned()
    })
}

/// A shorter time limit per request (for a test server, or a slow network that should fail
/// fast); never longer than 60 s.
fn set_timeout_seconds(session: ArmSession, text: &str) {
    if let Ok(seconds) = text.trim().parse::<u32>() {
        session
            .timeout_seconds
            .set(seconds.clamp(1, arm_fetch::TIMEOUT_SECONDS));
    }
}

fn remember(executor: &mut Executor, reads: &[(String, Option<Value>)]) {
    for (path, value) in reads {
        executor.remember_read(path, value.clone());
    }
}

/// Sends one read with the session's token.
async fn read(session: ArmSession, request: &ArmRequest) -> Result<HttpResponse, TransportError> {
    let http = HttpRequest::from_arm(request, &session.endpoint(), &session.bearer());
    session.send(http).await
}

fn refusal(state: AppState, response: &HttpResponse, path: &str) -> String {
    let cloud = state.draft.with_untracked(|d| d.target.cloud);
    let f = policy::read_failure(response, path, cloud);
    format!("{}: {}\n{}", f.code, f.message, f.advice)
}

/// "Load from Azure": reads the resource and what the plan touches, and keeps what was read
/// as the form's current settings (the snapshot the Review step's box holds). The plan (the
/// form's subdomain, rules, endpoints, public access) is left exactly as the person made it.
async fn load_from_azure(
    state: AppState,
    session: ArmSession,
    request: ArmRequest,
    loaded: RwSignal<Vec<(String, Option<Value>)>>,
    load_message: RwSignal<String>,
) {
    loaded.set(Vec::new());
    let lines = match read(session, &request).await {
        Err(e) => vec![format!("No answer: {}", policy::describe_transport(&e))],
        Ok(r) if r.status == 200 => {
            loaded.set(vec![(request.path.clone(), r.json())]);
            let mut lines = vec![LOADED.to_owned()];
            lines.extend(read_what_the_plan_touches(state, session, loaded, load_message).await);
            let planned = state.generated.with_untracked(|g| g.plan.is_some());
            lines.extend(keep_in_form(state, loaded));
            // A plan that was complete and has errors now conflicts with what was read.
            if planned && state.generated.with_untracked(|g| g.plan.is_none()) {
                lines.push("The plan does not fit what Azure has now: the problems list says what to change.".into());
            }
            lines
        }
        Ok(r) => vec![refusal(state, &r, &request.path)],
    };
    state.spoken.set(lines[0].clone());
    load_message.set(lines.join("\n"));
}

/// What Load says first: the plan stays, what Azure has is kept beside it.
const LOADED: &str = "Loaded: your plan is unchanged; what Azure has now is kept as the form's current settings (Review step), and the steps below say what Apply would change.";

/// Reads everything the plan touches (the resource, subnets, endpoints, DNS zones and links,
/// role assignments, storage), each once, so that each step's preview compares with what is
/// there. The form is left as it is. Returns what to say.
async fn read_what_the_plan_touches(
    state: AppState,
    session: ArmSession,
    loaded: RwSignal<Vec<(String, Option<Value>)>>,
    load_message: RwSignal<String>,
) -> Vec<String> {
    let Some(plan) = state.generated.with_untracked(|g| g.plan.clone()) else {
        return vec![
            "The form has errors: fix them first (the problems list names them), then Compare with Azure."
                .into(),
        ];
    };
    let mut lines = Vec::new();
    let (mut there, mut missing) = (0, 0);
    for request in Executor::new(plan, "").reads() {
        let known = loaded.with_untracked(|l| {
            l.iter()
                .any(|(path, _)| path.eq_ignore_ascii_case(&request.path))
        });
        if known {
            continue;
        }
        load_message.set(format!("Reading {}…", request.path));
        match read(session, &request).await {
            Ok(r) if r.status == 200 => {
                there += 1;
                loaded.update(|l| l.push((request.path.clone(), r.json())));
            }
            Ok(r) if r.status == 404 => {
                missing += 1;
                loaded.update(|l| l.push((request.path.clone(), None)));
            }
            Ok(r) => lines.push(format!("Not read: {}", refusal(state, &r, &request.path))),
            Err(e) => lines.push(format!(
                "Not read: {}: {}",
                request.path,
                policy::describe_transport(&e)
            )),
        }
    }
    lines.insert(
        0,
        format!("Read what the plan touches: {there} found, {missing} not there yet."),
    );
    lines
}

/// Keeps the account and the subnets just read in the form's current settings, so the form,
/// the REST tab and Apply start from what is there. Returns what to say.
fn keep_in_form(state: AppState, loaded: RwSignal<Vec<(String, Option<Value>)>>) -> Vec<String> {
    // The plan's target; while the form has errors, the resource as the Target step names it.
    let Some(target_id) = state
        .generated
        .with_untracked(|g| g.plan.as_ref().map(|p| p.target().resource_id()))
        .or_else(|| {
            state
                .draft
                .with_untracked(|d| resource_read(&d.target).ok().map(|r| r.path))
        })
    else {
        return Vec::new();
    };
    let current = state.draft.with_untracked(|d| d.current_state.clone());
    let (kept, mut lines) = loaded.with_untracked(|reads| {
        keep_reads(current.as_ref(), reads, &target_id, &browser::now_utc())
    });
    if let Some(snapshot) = kept.filter(|k| Some(k) != current.as_ref()) {
        lines.insert(
            0,
            format!(
                "Kept in the form's current settings (Review step): {}{} subnet(s); the REST tab's requests are computed from them.",
                if snapshot.account.is_some() { "the account and " } else { "" },
                snapshot.subnets.len()
            ),
        );
        state.draft.update(|d| d.current_state = Some(snapshot));
    }
    lines
}

fn status_name(status: &StepStatus) -> &'static str {
    match status {
        StepStatus::Pending => "pending",
        StepStatus::Running => "running",
        StepStatus::Done => "done",
        StepStatus::Skipped(_) => "skipped",
        StepStatus::Failed(_) => "failed",
    }
}

/// The run's steps when there is a run, otherwise the preview.
fn step_list(run: Run, preview: Option<Vec<StepPreview>>) -> AnyView {
    let steps = run.steps.get();
    if steps.is_empty() {
        return preview
            .unwrap_or_default()
            .into_iter()
            .map(|p| {
                let (status, lines) = if p.check_only {
                    ("check", Vec::new())
                } else if p.satisfied {
                    ("satisfied", p.changes)
                } else {
                    ("changes", p.changes)
                };
                view! {
                    <li data-status=status>
                        <span class="arm-status">{status}</span>" "{p.title}
                        {p.token.map(|token| view! { <p class="arm-detail arm-token-change">{token}</p> })}
                        {p.confirmation.is_some().then(|| view! { <p class="arm-detail arm-asks">"Asks for your confirmation before it sends a write."</p> })}
                        {(!lines.is_empty()).then(|| view! { <pre class="arm-detail">{lines.join("\n")}</pre> })}
                        {(!p.requests.is_empty()).then(|| view! { <details><summary>"Requests it sends (token hidden)"</summary><pre class="arm-detail">{p.requests.join("\n\n")}</pre></details> })}
                    </li>
                }
            })
            .collect_view()
            .into_any();
    }
    steps
        .into_iter()
        .map(|step| {
            let status = status_name(&step.status);
            let detail = match &step.status {
                StepStatus::Skipped(why) => why.clone(),
                StepStatus::Failed(f) => format!("{}: {}\n{}", f.code, f.message, f.advice),
                _ => String::new(),
            };
            let sent = step
                .sent
                .iter()
                .map(|s| format!("{}→ {}", s.request, s.answer))
                .collect::<Vec<_>>()
                .join("\n\n");
            view! {
                <li data-status=status>
                    <span class="arm-status">{status}</span>" "{step.title}
                    {(!detail.is_empty()).then(|| view! { <p class="arm-detail">{detail}</p> })}
                    {(!sent.is_empty()).then(|| view! { <details><summary>"Requests sent (token hidden)"</summary><pre class="arm-detail">{sent}</pre></details> })}
                </li>
            }
        })
        .collect_view()
        .into_any()
}

fn outcome_text(run: Run) -> String {
    let activity = run.activity.get();
    let Some(outcome) = run.outcome.get() else {
        return activity;
    };
    let (applied, not_applied) = run
        .executor
        .with_value(|e| e.as_ref().map(Executor::summary))
        .unwrap_or_default();
    let resumed = run
        .executor
        .with_value(|e| e.as_ref().and_then(|e| e.resumed().map(resumed_text)))
        .unwrap_or_default();
    // A message from a Resume that could not start (the form has errors) comes first.
    let before = if activity.is_empty() {
        String::new()
    } else {
        format!("{activity}\n")
    };
    // One line each: what happened, what was applied, what was not, what to do.
    match outcome {
        Outcome::Completed => format!("{before}Every step is done or was already so.{resumed}"),
        Outcome::Failed { step } | Outcome::Cancelled { step } => format!(
            "{before}{} at step {}.\nApplied: {}.\nNot applied: {}.\n{} from that step with the form as it is then.{resumed}",
            if matches!(outcome, Outcome::Failed { .. }) { "Stopped" } else { "Cancelled" },
            step + 1,
            if applied.is_empty() { "nothing".into() } else { applied.join("; ") },
            not_applied.join("; "),
            // A person's Cancel is not a fault: nothing to fix.
            if matches!(outcome, Outcome::Failed { .. }) { "Fix the cause (in the form or in Azure), then Resume: it goes on" } else { "Resume goes on" }
        ),
    }
}

/// What the last Resume did, after the outcome.
fn resumed_text(resumed: &Resumed) -> String {
    let at = match resumed.at {
        Some(at) => format!(
            "Resumed at step {} ({}) with the form as it was then",
            at + 1,
            resumed.stopped
        ),
        None => format!(
            "Resumed with the form as it was then, which no longer has the stopped step ({})",
            resumed.stopped
        ),
    };
    let rechecked = match resumed.rechecked.len() {
        0 => String::new(),
        n => format!(
            "; {n} earlier step(s) the form changed ran again, reading first: {}",
            resumed.rechecked.join("; ")
        ),
    };
    format!(
        "\n{at}: {} earlier step(s) done before and unchanged were not sent again{rechecked}.",
        resumed.kept
    )
}

/// Runs the executor to its next stop: fetch, wait, ask; the view follows each step.
fn drive(session: ArmSession) {
    let run = session.run;
    // What Load or Compare said is about the time before this run.
    session.load_message.set(String::new());
    run.running.set(true);
    run.outcome.set(None);
    leptos::task::spawn_local(async move {
        loop {
            let secret = session.bearer();
            if secret.is_empty() {
                // Forgotten or expired mid-run: stop before the next request.
                run.executor
                    .update_value(|e| e.iter_mut().for_each(Executor::cancel));
            }
            let Some(next) = run
                .executor
                .try_update_value(|e| e.as_mut().map(|e| e.next(&secret)))
                .flatten()
            else {
                break;
            };
            run.steps.set(
                run.executor
                    .with_value(|e| e.as_ref().map(|e| e.steps.clone()).unwrap_or_default()),
            );
            match next {
                Next::Send(request) => {
                    run.activity.set(format!(
                        "{} {}",
                        request.method,
                        request.url.split('?').next().unwrap_or_default()
                    ));
                    let answer = session.send(request).await;
                    run.executor
                        .update_value(|e| e.iter_mut().for_each(|e| e.on_response(answer.clone())));
                }
                Next::Wait { seconds, why } => {
                    run.activity.set(format!("{why} Waiting {seconds} s."));
                    arm_fetch::sleep(seconds).await;
                    run.executor
                        .update_value(|e| e.iter_mut().for_each(Executor::waited));
                }
                Next::Confirm { warning, .. } => {
                    let yes = browser::confirm(&format!("{warning}\n\nRun this step now?"));
                    run.executor.update_value(|e| {
                        e.iter_mut()
                            .for_each(|e| if yes { e.confirm() } else { e.cancel() })
                    });
                }
                Next::Stopped(outcome) => {
                    run.outcome.set(Some(outcome));
                    break;
                }
            }
        }
        run.steps.set(
            run.executor
                .with_value(|e| e.as_ref().map(|e| e.steps.clone()).unwrap_or_default()),
        );
        run.activity.set(String::new());
        run.running.set(false);
    });
}
