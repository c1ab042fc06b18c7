//! What the apply page's runner sends, held against the REST tab and the scripts while it runs
//! against the local ARM fake:
//! - every request that changes something is, byte for byte, the request the REST tab shows
//!   for the state the runner read just before (its own GETs kept in the form as current
//!   settings), apart from the edits the REST tab's comments document (a create's marked line
//!   deleted once its GET answered 404, the storage firewall computed from the storage account
//!   as read);
//! - the account's default action stays as it was until the step that sets it, as the scripts
//!   and the REST tab leave it: a stop or a cancel before that step never leaves the account
//!   on Deny before its private endpoints and allow rules are in place.

use serde_json::Value;

use ai_network_wizard::arm_client::{
    Executor, HttpRequest, HttpResponse, Next, Outcome, StepStatus, Transport, TransportError,
};
use ai_network_wizard::core::current_state::keep_reads;
use ai_network_wizard::core::draft::Draft;
use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::plan::{default_action_name, Action, ArmRequest, Plan};
use ai_network_wizard::core::render::{render, OutputTarget, RenderContext};
use ai_network_wizard::core::request_bodies::has_edit_mark;

use crate::arm_fake::ArmFake;
use crate::rest_shapes::percent_decode;

/// What was read, by lower-case path, in the order it was learnt: `None` for a 404.
type Reads = Vec<(String, Option<Value>)>;

/// Watches one namespace of the fake during one or more runs of the same draft.
pub struct Watch<'a> {
    fake: &'a ArmFake,
    namespace: &'a str,
    endpoint: String,
    draft: Draft,
    plan: Plan,
    /// The account's default action before the first run ("Allow" without networkAcls).
    before: String,
    /// What the runner read (and writes answered with the resource).
    reads: Reads,
    /// The REST tab for `reads` as they were when it was last rendered (several writes of a
    /// step follow one read).
    rendered: Option<(Reads, String)>,
    pub problems: Vec<String>,
    /// Writes compared with the REST tab (for the callers' own counts).
    pub compared: usize,
}

impl<'a> Watch<'a> {
    pub fn new(fake: &'a ArmFake, namespace: &'a str, draft: &Draft) -> Watch<'a> {
        let plan = generate(draft).plan.expect("a valid draft");
        let before = default_action_in(&fake.state(namespace), &plan);
        Watch {
            fake,
            namespace,
            endpoint: fake.endpoint(namespace),
            draft: draft.clone(),
            plan,
            before,
            reads: Vec::new(),
            rendered: None,
            problems: Vec::new(),
            compared: 0,
        }
    }

    /// Fails the test with every problem seen.
    pub fn assert_clean(&self) {
        assert!(
            self.problems.is_empty(),
            "{}: {} problems:\n{}",
            self.namespace,
            self.problems.len(),
            self.problems.join("\n\n")
        );
    }

    fn path_of(&self, url: &str) -> Option<String> {
        let rest = url.strip_prefix(&self.endpoint)?;
        let path = rest.split('?').next()?;
        Some(percent_decode(path).to_ascii_lowercase())
    }

    fn learn(&mut self, request: &HttpRequest, answer: &Result<HttpResponse, TransportError>) {
        let (Some(path), Ok(response)) = (self.path_of(&request.url), answer) else {
            return;
        };
        let value = match (request.method, response.status) {
            ("GET", 200) => response.json(),
            ("GET", 404) => None,
            ("PUT" | "PATCH", 200..=299) => match response.json() {
                Some(v)
                    if v["id"]
                        .as_str()
                        .is_some_and(|id| id.eq_ignore_ascii_case(&path)) =>
                {
                    Some(v)
                }
                _ => return self.reads.retain(|(p, _)| *p != path),
            },
            _ => return,
        };
        self.reads.retain(|(p, _)| *p != path);
        self.reads.push((path, value));
    }

    /// The plan the REST tab shows with what the runner has read kept in the form.
    fn rest_plan(&self) -> (Draft, Plan) {
        let account = self.plan.target().resource_id();
        // A read the form cannot keep is left out, as the runner leaves it out.
        let (kept, _) = keep_reads(None, &self.reads, &account, "2026-12-07T06:00Z");
        let mut draft = self.draft.clone();
        if kept.is_some() {
            draft.current_state = kept;
        }
        let plan = generate(&draft).plan.expect("a valid draft");
        (draft, plan)
    }

    /// A write (or a POST) the runner is about to send in `step`: the REST tab's request for
    /// the state read so far, with only the documented edits.
    fn compare_write(&mut self, step: usize, sent: &HttpRequest) {
        let (draft, rest_plan) = self.rest_plan();
        let title = &self.plan.steps[step].title;
        assert_eq!(&rest_plan.steps[step].title, title, "the same steps");
        let rest_requests = rest_plan.requests(&rest_plan.steps[step]);
        let as_sent = |r: &ArmRequest| HttpRequest::from_arm(r, &self.endpoint, "-");
        // A step may write the same path twice (the storage account's two PATCHes).
        let candidates: Vec<&ArmRequest> = rest_requests
            .iter()
            .filter(|r| r.method == sent.method && as_sent(r).url == sent.url)
            .collect();
        if candidates.is_empty() {
            self.problems.push(format!(
                "{}: step \"{title}\": {} {} is not among the REST tab's requests of the step",
                self.namespace, sent.method, sent.url
            ));
            return;
        }
        let with_documented_edit = |planned: &ArmRequest| {
            let mut shown = planned.clone();
            // The create's marked line, edited as its comment says once the GET said 404.
            let guarded = shown
                .body
                .as_ref()
                .and_then(|b| b.get("tags"))
                .and_then(Value::as_str)
                .is_some_and(|t| t.starts_with("<EDIT: "));
            if guarded {
                shown.body = planned.after_edit.clone();
            }
            shown
        };
        let mut sent_as_compared = sent.clone();
        for (name, value) in &mut sent_as_compared.headers {
            if *name == "Authorization" {
                *value = "Bearer -".into();
            }
        }
        let same = candidates
            .iter()
            .find(|planned| as_sent(&with_documented_edit(planned)) == sent_as_compared);
        let Some(planned) = same else {
            // Only the storage firewall is left to the reader's eye in the REST tab; the runner
            // computes it from the storage account it read.
            let storage_firewall =
                matches!(self.plan.steps[step].action, Action::HardenStorage { .. })
                    && candidates
                        .iter()
                        .any(|c| c.body.as_ref().is_some_and(has_edit_mark))
                    && sent
                        .body
                        .as_deref()
                        .is_some_and(|b| b.contains("resourceAccessRules"));
            if !storage_firewall {
                self.problems.push(format!(
                    "{}: step \"{title}\" (state as the runner read it):\nsent:\n{}\nthe REST tab:\n{}",
                    self.namespace,
                    sent.redacted_text(),
                    candidates
                        .iter()
                        .map(|c| as_sent(c).redacted_text())
                        .collect::<Vec<_>>()
                        .join("\nor\n")
                ));
            }
            return;
        };
        let shown = with_documented_edit(planned);
        if shown.body.as_ref().is_some_and(has_edit_mark) {
            self.problems.push(format!(
                "{}: step \"{title}\": the runner sent a body the REST tab leaves to be edited:\n{}",
                self.namespace,
                sent.redacted_text()
            ));
            return;
        }
        if shown == **planned {
            // Unedited: it is in the REST tab's text as it is.
            let fresh = self
                .rendered
                .as_ref()
                .is_some_and(|(reads, _)| *reads == self.reads);
            if !fresh {
                let text = render(
                    &rest_plan,
                    OutputTarget::Rest,
                    &RenderContext::for_draft("2026-12-07", None, &draft),
                );
                self.rendered = Some((self.reads.clone(), text));
            }
            let rest = &self.rendered.as_ref().expect("rendered").1;
            let text = sent
                .redacted_text()
                .replace(&self.endpoint, "{{armEndpoint}}")
                .replace("Bearer <token>", "Bearer {{token}}");
            if !rest.contains(&text) {
                self.problems.push(format!(
                    "{}: step \"{title}\": not in the REST tab's text:\n{text}",
                    self.namespace
                ));
            }
        }
        self.compared += 1;
    }

    /// After an answer in `step`: the default action is the one the REST tab and the scripts
    /// leave at this point.
    fn check_default_action(&mut self, step: usize, finished: bool) {
        let Some(at) = self
            .plan
            .steps
            .iter()
            .position(|s| matches!(s.action, Action::SetDefaultAction { .. }))
        else {
            return self.expect_default_action(&self.before.clone(), step, "no step sets it");
        };
        let Action::SetDefaultAction { action } = self.plan.steps[at].action else {
            unreachable!()
        };
        let wanted = default_action_name(action);
        if step < at && !finished {
            self.expect_default_action(&self.before.clone(), step, "before its step");
        } else if step > at || finished {
            self.expect_default_action(wanted, step, "after its step");
        }
    }

    fn expect_default_action(&mut self, expected: &str, step: usize, when: &str) {
        let now = default_action_in(&self.fake.state(self.namespace), &self.plan);
        if now != expected {
            let title = self.plan.steps.get(step).map_or("", |s| s.title.as_str());
            self.problems.push(format!(
                "{}: at step \"{title}\" the default action is {now}; {when} it is {expected}",
                self.namespace
            ));
        }
    }
}

/// The account's default action in the fake ("Allow" when it has no networkAcls or is not
/// there yet, as ARM treats it).
fn default_action_in(state: &Value, plan: &Plan) -> String {
    let id = plan.target().resource_id();
    state["resources"]
        .as_object()
        .and_then(|resources| {
            resources
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(&id))
        })
        .and_then(|(_, account)| account["properties"]["networkAcls"]["defaultAction"].as_str())
        .unwrap_or("Allow")
        .to_owned()
}

/// [`ai_network_wizard::arm_client::run`], watched: each write is compared with the REST
/// tab before it is sent, and the default action checked after each answer.
pub fn run_watched(
    executor: &mut Executor,
    token: &str,
    transport: &mut impl Transport,
    watch: &mut Watch<'_>,
) -> Outcome {
    loop {
        match executor.next(token) {
            Next::Send(request) => {
                let step = executor
                    .steps
                    .iter()
                    .position(|s| s.status == StepStatus::Running)
                    .expect("a running step");
                if request.method != "GET" {
                    watch.compare_write(step, &request);
                }
                let answer = transport.send(&request);
                watch.learn(&request, &answer);
                executor.on_response(answer);
                watch.check_default_action(step, false);
            }
            Next::Wait { seconds, .. } => {
                transport.wait(seconds);
                executor.waited();
            }
            Next::Confirm { step, warning } => {
                if transport.confirm(&executor.steps[step], &warning) {
                    executor.confirm();
                } else {
                    executor.cancel();
                }
            }
            Next::Stopped(outcome) => {
                let last = executor.steps.len().saturating_sub(1);
                match outcome {
                    Outcome::Completed => watch.check_default_action(last, true),
                    Outcome::Failed { step } | Outcome::Cancelled { step } => {
                        watch.check_default_action(step, false)
                    }
                }
                return outcome;
            }
        }
    }
}
