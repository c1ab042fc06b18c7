//! Before the run: what was read (the page's "Load from Azure") and what each step would change.

use serde_json::Value;

use super::super::http::{HttpRequest, REDACTED};
use super::super::{compare, policy};
use super::decide::Decision;
use super::{Cursor, Executor, StepPreview};
use wizard_core::plan::ArmRequest;

impl Executor {
    /// What a read before the run returned (the page's "Load from Azure"): `None` for a 404.
    /// The plan's bodies are computed from it, and [`Self::preview`] compares with it.
    pub fn remember_read(&mut self, path: &str, value: Option<Value>) {
        self.remember(&path.to_ascii_lowercase(), value);
        self.refresh_requests();
    }

    /// Per step, before anything is sent: what its writes would change in what was read, or
    /// that they are already satisfied.
    pub fn preview(&self) -> Vec<StepPreview> {
        let tokens = super::tenants::token_changes(&self.plan);
        self.plan
            .steps
            .iter()
            .zip(tokens)
            .map(|(step, token)| {
                let mut requests = self.plan.requests(step);
                self.with_listed_zone_group(&mut requests, 0);
                let mut lines = Vec::new();
                let mut shown = Vec::new();
                let mut satisfied = true;
                let mut writes = 0;
                for (index, request) in requests.iter().enumerate() {
                    if request.method == "GET" {
                        continue;
                    }
                    writes += 1;
                    let current = self.lookup(&request.path.to_ascii_lowercase());
                    let probe = Executor {
                        at: Cursor {
                            index,
                            ..Cursor::default()
                        },
                        ..self.shallow()
                    };
                    let body = match probe.decide(request, &requests) {
                        Decision::Skip(why) => {
                            lines.push(format!("{} {}: {why}", request.method, request.path));
                            continue;
                        }
                        Decision::Send(Some(computed)) => Some(computed),
                        Decision::Fail(failure) if failure.code != policy::NEEDS_STATE => {
                            satisfied = false;
                            lines.push(format!("stops: {}: {}", failure.code, failure.message));
                            continue;
                        }
                        Decision::Send(None) | Decision::Fail(_) => request.body.clone(),
                    };
                    satisfied = false;
                    let sent = ArmRequest {
                        body: body.clone(),
                        ..request.clone()
                    };
                    shown.push(
                        HttpRequest::from_arm(&sent, &self.endpoint, REDACTED).redacted_text(),
                    );
                    match (request.method, current, &body) {
                        ("PUT" | "PATCH", Some(Some(now)), Some(body)) => {
                            lines.extend(compare::changes(body, Some(now)))
                        }
                        ("PUT", Some(None), _) => lines.push(format!("creates {}", request.path)),
                        ("DELETE", _, _) => lines.push(format!("deletes {}", request.path)),
                        _ => lines.push(format!(
                            "{} {} (what is there is read when the step runs)",
                            request.method, request.path
                        )),
                    }
                }
                StepPreview {
                    title: step.title.clone(),
                    check_only: writes == 0,
                    satisfied: writes > 0 && satisfied,
                    changes: lines,
                    token,
                    confirmation: super::confirmation(&self.plan, step),
                    requests: shown,
                }
            })
            .collect()
    }

    /// The plan's reads, once each, in plan order: what "Load from Azure" sends so that the
    /// preview compares every write with what is there. Reads of a subnet in another Entra
    /// tenant are left to the run: the pasted token is the account's, and nothing goes to that
    /// tenant's subscription with it.
    pub fn reads(&self) -> Vec<ArmRequest> {
        let mut reads: Vec<ArmRequest> = Vec::new();
        for step in &self.plan.steps {
            for request in self.plan.requests(step) {
                if super::tenants::in_other_tenant(&self.plan, step, &request) {
                    continue;
                }
                let seen = reads
                    .iter()
                    .any(|r| r.path.eq_ignore_ascii_case(&request.path));
                if request.method == "GET" && !seen {
                    reads.push(request);
                }
            }
        }
        reads
    }

    /// A copy that can answer `decide` (plan, reads), without the run's records.
    fn shallow(&self) -> Executor {
        Executor {
            plan: self.plan.clone(),
            planned: Vec::new(),
            kept: Vec::new(),
            resumed: None,
            endpoint: self.endpoint.clone(),
            steps: Vec::new(),
            live: self.live.clone(),
            at: Cursor::default(),
            outcome: None,
            cancel_requested: false,
            confirmed: None,
            tenants: Vec::new(),
        }
    }
}
