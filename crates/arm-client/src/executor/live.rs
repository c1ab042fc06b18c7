//! What ARM said, per path, and the plan's bodies computed again from it (read, merge, write).

use serde_json::Value;

use super::Executor;
use wizard_core::current_state::{validate_current_state, CurrentStateDraft};

impl Executor {
    pub(super) fn lookup(&self, path: &str) -> Option<&Option<Value>> {
        self.live.iter().find(|(p, _)| p == path).map(|(_, v)| v)
    }

    pub(super) fn remember(&mut self, path: &str, value: Option<Value>) {
        self.forget(path);
        self.live.push((path.to_owned(), value));
    }

    pub(super) fn forget(&mut self, path: &str) {
        self.live.retain(|(p, _)| p != path);
    }

    /// A write's answer is the resource when it carries its ID; otherwise it is not known.
    pub(super) fn remember_write(&mut self, path: &str, body: Option<Value>) {
        match body {
            Some(value)
                if value
                    .get("id")
                    .and_then(Value::as_str)
                    .is_some_and(|id| id.eq_ignore_ascii_case(path)) =>
            {
                self.remember(path, Some(value));
            }
            _ => self.forget(path),
        }
        self.refresh_requests();
    }

    /// Whether a later request of the step writes or deletes `path` or something below it (so a
    /// 404 read is expected: not created yet, or gone already; a list below an endpoint that
    /// is gone).
    pub(super) fn written_later(&self, path: &str) -> bool {
        let requests = self.at.requests.as_deref().unwrap_or_default();
        let below = format!("{path}/");
        requests[self.at.index + 1..].iter().any(|r| {
            let later = r.path.to_ascii_lowercase();
            matches!(r.method, "PUT" | "DELETE") && (later == path || later.starts_with(&below))
        })
    }

    /// The plan's bodies computed again from what ARM just said (the account and the subnets
    /// it holds), when the step's requests keep their shape.
    pub(super) fn refresh_requests(&mut self) {
        let account_id = self.plan.target().resource_id();
        let account = self
            .lookup(&account_id.to_ascii_lowercase())
            .cloned()
            .flatten();
        let subnets: Vec<Value> = self
            .live
            .iter()
            .filter(|(p, _)| p.contains("/subnets/"))
            .filter_map(|(_, v)| v.clone())
            .collect();
        if account.is_none() && subnets.is_empty() {
            return;
        }
        // A subnet this snapshot cannot read (one the plan only reads) must not hide the rest.
        let readable = |subnet: &Value| {
            let draft = CurrentStateDraft {
                read_at: "-".into(),
                subnets: vec![subnet.clone()],
                ..CurrentStateDraft::default()
            };
            validate_current_state(&draft, None, &mut Vec::new()).is_some()
        };
        let draft = CurrentStateDraft {
            read_at: "during this run".into(),
            source: wizard_core::current_state::READ_FROM_ARM.into(),
            account,
            subnets: subnets.into_iter().filter(readable).collect(),
        };
        let Some(state) = validate_current_state(&draft, Some(&account_id), &mut Vec::new()) else {
            return;
        };
        self.plan.config.current_state = Some(state);
        let Some(old) = &self.at.requests else {
            return;
        };
        let fresh = self.plan.requests(&self.plan.steps[self.at.step]);
        let same_shape = fresh.len() == old.len()
            && fresh
                .iter()
                .zip(old)
                .all(|(a, b)| a.method == b.method && a.path == b.path);
        if same_shape {
            self.at.requests = Some(fresh);
        }
    }
}
