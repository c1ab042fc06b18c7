//! Subscription, resource check or creation, custom subdomain.

use crate::config::Resource;
use crate::plan::Plan;
use crate::quote::bash;
use crate::render::templates::cli_bash as templates;
use crate::render::templates::{CreateAccount, SetCustomSubdomain, VerifyResource};

pub(super) fn select_subscription() -> String {
    templates::SELECT_SUBSCRIPTION.to_owned()
}

pub(super) fn verify_resource(plan: &Plan) -> String {
    let resource = &plan.target().resource;
    match resource {
        Resource::CognitiveServices { .. } => templates::VERIFY_ACCOUNT.to_owned(),
        Resource::MlHub { .. } | Resource::MediaServices { .. } => VerifyResource {
            arm_type: &bash(resource.resource_type().arm_type()),
        }
        .fill(templates::VERIFY_RESOURCE),
    }
}

pub(super) fn create_account(plan: &Plan, with_subdomain: bool, with_storage: bool) -> String {
    let domain_flag = if with_subdomain {
        " --custom-domain \"$CUSTOM_SUBDOMAIN\""
    } else {
        ""
    };
    CreateAccount {
        subdomain: with_subdomain,
        storage: with_storage,
        domain_flag,
        suffix: plan.target().cloud.cognitive_services_suffix(),
        tags: crate::render::tags::BASH.of(plan).inline,
        tagged: !plan.creation_tags().is_empty(),
        tags_appended: "",
        // The PowerShell templates' checks of an existing account.
        existing_subdomain_check: "",
        existing_storage_check: "",
    }
    .fill(templates::CREATE_ACCOUNT)
}

pub(super) fn set_custom_subdomain(plan: &Plan) -> String {
    SetCustomSubdomain {
        suffix: plan.target().cloud.cognitive_services_suffix(),
        set_command: "",
    }
    .fill(templates::SET_CUSTOM_SUBDOMAIN)
}
