//! REST requests in the `.http` format (VS Code REST Client, JetBrains HTTP client): each
//! request with its method, URL, headers and JSON body, separated by `###`.

use super::header::{header_lines, step_comment};
use super::RenderContext;
use crate::core::quote;

pub(super) fn render(plan: &crate::core::plan::Plan, context: &RenderContext) -> String {
    let endpoint = plan.target().cloud.arm_endpoint();
    let mut out = String::new();
    for line in header_lines(
        plan,
        context,
        &[
            "An ARM access token: az account get-access-token --query accessToken --output tsv",
            "Set @token below. Never commit a token.",
        ],
    ) {
        out += &if line.is_empty() {
            "#\n".to_owned()
        } else {
            format!("# {line}\n")
        };
    }
    out += "\n@token = <paste an ARM access token>\n";
    for (index, step) in plan.steps.iter().enumerate() {
        for (request_index, request) in plan.requests(step).iter().enumerate() {
            out += "\n###\n";
            if request_index == 0 {
                out += &step_comment(index + 1, step);
            }
            if let Some(note) = &request.note {
                for line in super::header::wrap(note, 96) {
                    out += &format!("# {}\n", quote::comment(&line));
                }
            }
            // Only the path is percent-encoded: encoding the query's `?` would turn the
            // api-version into part of the path.
            out += &format!(
                "{} {endpoint}{}?api-version={}\n",
                request.method,
                quote::url_path(&request.path),
                request.api_version
            );
            out += "Authorization: Bearer {{token}}\n";
            if let Some(body) = &request.body {
                out += "Content-Type: application/json\n\n";
                out += &quote::json_pretty(body);
                out += "\n";
            }
        }
    }
    out
}
