//! The whole pipeline in one call: draft → validation → plan → every output.

use super::draft::Draft;
use super::plan::{plan, Plan};
use super::render::{render, OutputTarget, RenderContext};
use super::validate::{validate, Validation};

#[derive(Clone, Debug, PartialEq)]
pub struct Generated {
    pub validation: Validation,
    /// Present only when the draft has no error.
    pub plan: Option<Plan>,
}

impl Generated {
    pub fn output(&self, target: OutputTarget, context: &RenderContext) -> Option<String> {
        self.plan.as_ref().map(|p| render(p, target, context))
    }
}

pub fn generate(draft: &Draft) -> Generated {
    let validation = validate(draft);
    let plan = validation.config.as_ref().map(plan);
    Generated { validation, plan }
}
