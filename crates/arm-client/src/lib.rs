//! Calling Azure Resource Manager directly with a pasted token, without any I/O of its own:
//! reading the token ([`token`]), where it may go ([`endpoint`], with [`outgoing`] the gate every
//! request passes before it is sent), the wire form of the plan's requests shared with the REST tab
//! ([`http`]), comparing a write with what exists ([`compare`]), and running the plan as a
//! state machine that the page drives with `fetch` ([`executor`], with [`policy`] deciding
//! retries, polling and failure messages), and what a plan touches beyond its target, which
//! the person acknowledges and confirms ([`beyond_target`]).

pub mod availability;
pub mod beyond_target;
pub mod compare;
pub mod endpoint;
pub mod executor;
pub mod outgoing;
pub mod policy;
pub mod token;

pub use executor::{
    confirmation, run, step_identity, Executor, Next, Outcome, Resumed, Sent, StepPreview, StepRun,
    StepStatus, Transport, TOKEN_FOR_ANOTHER_TENANT,
};
pub use http::{HttpRequest, HttpResponse, TransportError};
pub use policy::Failure;
pub use token::{read_token, token_commands, token_tenant, TokenInfo};
/// The wire form of a request, shared with the REST tab, lives in the core.
pub use wizard_core::http;
