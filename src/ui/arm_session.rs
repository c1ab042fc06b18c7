//! What the apply page's parts share about Resource Manager: the pasted token (in this signal
//! only: never saved, never in a link or a file), what it says, where requests go, what was
//! read, what the plan touches beyond its target and its acknowledgement, and the run. The
//! panel on the Review step and the subdomain check in the custom-domain step both use it. It lives with the app, not the panel: only the open step is built, and a
//! run goes on while another step is open.

use leptos::prelude::*;

use crate::ui::erased::memo;

use super::arm_beyond::Beyond;
use super::arm_endpoint;
use super::arm_fetch;
use super::state::AppState;
use crate::arm_client::endpoint::ArmEndpoint;
use crate::arm_client::outgoing::check;
use crate::arm_client::token::bare_jwt;
use crate::arm_client::{
    read_token, Executor, HttpRequest, HttpResponse, Outcome, StepRun, TokenInfo, TransportError,
};
use serde_json::Value;

/// The run's state the view shows (the executor itself is not reactive).
#[derive(Clone, Copy)]
pub struct Run {
    pub executor: StoredValue<Option<Executor>, LocalStorage>,
    pub steps: RwSignal<Vec<StepRun>>,
    pub outcome: RwSignal<Option<Outcome>>,
    pub running: RwSignal<bool>,
    pub activity: RwSignal<String>,
}

#[derive(Clone, Copy)]
pub struct ArmSession {
    pub token: RwSignal<String>,
    /// Seconds since 1970, ticking: the countdown and the drop on expiry follow it.
    pub now: RwSignal<u64>,
    /// `None` while the field is empty; the token's reading or why it is refused.
    pub checked: Memo<Option<Result<TokenInfo, String>>>,
    /// Why the field was emptied (expired, forgotten).
    pub expired_note: RwSignal<String>,
    pub run: Run,
    /// What "Load from Azure" or "Compare with Azure" read, per path (`None`: 404).
    pub loaded: RwSignal<Vec<(String, Option<Value>)>>,
    pub load_message: RwSignal<String>,
    /// Seconds before a request without an answer is given up (at most 60; shorter only by
    /// the person's choice in the advanced settings).
    pub timeout_seconds: RwSignal<u32>,
    /// What the plan touches beyond its target, and the person's acknowledgement of it (kept
    /// while another step is open, cleared when the list changes).
    pub beyond: Beyond,
    custom: StoredValue<Option<String>>,
    state: AppState,
}

impl ArmSession {
    /// Creates the session and puts it in the context.
    pub fn provide(state: AppState) -> Self {
        let token = RwSignal::new(String::new());
        let now = RwSignal::new(arm_fetch::now_seconds());
        let custom = arm_endpoint::custom_endpoint();
        let custom_for_check = custom.clone();
        let checked = memo(move |_| {
            let text = token.get();
            let cloud = state.draft.with(|d| d.target.cloud);
            (!text.trim().is_empty())
                .then(|| read_token(&text, cloud, custom_for_check.as_deref(), now.get()))
        });
        let expired_note = RwSignal::new(String::new());
        set_interval(
            move || {
                now.set(arm_fetch::now_seconds());
                // An expired token is dropped at once.
                if let Some(Err(message)) = checked.get_untracked() {
                    if message.contains("expired") {
                        token.set(String::new());
                        expired_note
                            .set("The token expired and was forgotten. Paste a new one.".into());
                    }
                }
            },
            std::time::Duration::from_secs(1),
        );
        let session = ArmSession {
            token,
            now,
            checked,
            expired_note,
            run: Run {
                executor: StoredValue::new_local(None),
                steps: RwSignal::new(Vec::new()),
                outcome: RwSignal::new(None),
                running: RwSignal::new(false),
                activity: RwSignal::new(String::new()),
            },
            loaded: RwSignal::new(Vec::new()),
            load_message: RwSignal::new(String::new()),
            timeout_seconds: RwSignal::new(arm_fetch::TIMEOUT_SECONDS),
            beyond: Beyond::new(state),
            custom: StoredValue::new(custom),
            state,
        };
        provide_context(session);
        session
    }

    /// A token that reads right for the chosen cloud and has not expired.
    pub fn usable(self) -> bool {
        self.checked.with(|c| matches!(c, Some(Ok(_))))
    }

    pub fn custom(self) -> Option<String> {
        self.custom.get_value()
    }

    /// Sends one request under the session's time limit, through the core's gate: a request
    /// whose token may not go where it points is refused here, not sent.
    pub async fn send(self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let checked = check(request, &self.destination()).map_err(TransportError::NotSent)?;
        arm_fetch::send(&checked, self.timeout_seconds.get_untracked()).await
    }

    /// Where requests go: the custom endpoint, or the chosen cloud's Resource Manager.
    pub fn destination(self) -> ArmEndpoint {
        let cloud = self.state.draft.with_untracked(|d| d.target.cloud);
        ArmEndpoint::new(cloud, self.custom().as_deref())
    }

    /// The destination's URL, reactive to the chosen cloud.
    pub fn endpoint(self) -> String {
        let cloud = self.state.draft.with(|d| d.target.cloud);
        ArmEndpoint::new(cloud, self.custom().as_deref())
            .base()
            .to_owned()
    }

    /// The token as it is sent: the JWT alone, a pasted `Bearer ` prefix removed (empty when
    /// the field holds no JWT).
    pub fn bearer(self) -> String {
        self.token
            .with_untracked(|text| bare_jwt(text).unwrap_or_default().to_owned())
    }
}
