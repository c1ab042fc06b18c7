//! Resource check (creation and the custom subdomain are shared with the Az flavour).

use crate::core::config::Resource;
use crate::core::plan::Plan;
use crate::core::quote::powershell;
use crate::core::render::template::{fill, Text};

pub(super) fn verify_resource(plan: &Plan) -> String {
    let resource = &plan.target().resource;
    match resource {
        Resource::CognitiveServices { .. } => {
            include_str!("templates/verify_account.ps1").to_owned()
        }
        Resource::MlHub { .. } | Resource::MediaServices { .. } => fill(
            include_str!("templates/verify_resource.ps1"),
            &[Text(
                "arm_type",
                &powershell(resource.resource_type().arm_type()),
            )],
        ),
    }
}
