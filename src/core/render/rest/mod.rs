//! REST requests in the `.http` format (VS Code REST Client, JetBrains HTTP client): each
//! request with its method, URL, headers and JSON body, separated by `###`.

use super::header::{hash_comment_block, header_lines, step_comment, wrap};
use super::RenderContext;
use crate::core::quote;

pub(super) fn render(plan: &crate::core::plan::Plan, context: &RenderContext) -> String {
    let endpoint = plan.target().cloud.arm_endpoint();
    let mut out = hash_comment_block(&header_lines(
        plan,
        context,
        &[
            "An ARM access token: az account get-access-token --query accessToken --output tsv",
            "Set @token below. Never commit a token.",
        ],
    ));
    out += "\n@token = <paste an ARM access token>\n";
    for (index, step) in plan.steps.iter().enumerate() {
        for (request_index, request) in plan.requests(step).iter().enumerate() {
            out += "\n###\n";
            if request_index == 0 {
                out += &step_comment(index + 1, step);
            }
            if let Some(note) = &request.note {
                let lines: Vec<String> = wrap(note, 96).iter().map(|l| quote::comment(l)).collect();
                out += &hash_comment_block(&lines);
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
