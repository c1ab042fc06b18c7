//! Subscription, resource check or creation, custom subdomain.

use crate::config::Resource;
use crate::plan::Plan;
use crate::quote::bash;
use crate::render::template::{fill, Flag, Text};

pub(super) fn select_subscription() -> String {
    include_str!("templates/select_subscription.sh").to_owned()
}

pub(super) fn verify_resource(plan: &Plan) -> String {
    let resource = &plan.target().resource;
    match resource {
        Resource::CognitiveServices { .. } => {
            include_str!("templates/verify_account.sh").to_owned()
        }
        Resource::MlHub { .. } | Resource::MediaServices { .. } => fill(
            include_str!("templates/verify_resource.sh"),
            &[Text("arm_type", &bash(resource.resource_type().arm_type()))],
        ),
    }
}

pub(super) fn create_account(plan: &Plan, with_subdomain: bool, with_storage: bool) -> String {
    let domain_flag = if with_subdomain {
        " --custom-domain \"$CUSTOM_SUBDOMAIN\""
    } else {
        ""
    };
    fill(
        include_str!("templates/create_account.sh"),
        &[
            Flag("subdomain", with_subdomain),
            Flag("storage", with_storage),
            Text("domain_flag", domain_flag),
            Text("suffix", plan.target().cloud.cognitive_services_suffix()),
        ],
    )
}

pub(super) fn set_custom_subdomain(plan: &Plan) -> String {
    fill(
        include_str!("templates/set_custom_subdomain.sh"),
        &[Text(
            "suffix",
            plan.target().cloud.cognitive_services_suffix(),
        )],
    )
}
