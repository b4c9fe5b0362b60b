//! The anonymous survey among a team's professionals: the member's form
//! (which months are still open to them) and answering it.

#[cfg(feature = "ssr")]
use super::write::{AuditAction, Change};
use crate::error::AppError;
use leptos::prelude::*;
use shared::dto::SurveyForm;

#[server(endpoint = "survey/form")]
pub async fn load_survey(team_id: i32) -> Result<SurveyForm, AppError> {
    use crate::store::{survey, teams};
    use shared::permissions::Permission;
    use shared::suppression::SuppressionPolicy;

    let (_, viewer) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let state = crate::state::AppState::current();
    let team_name = teams::team_names(&state.db, &[team_id])
        .await?
        .remove(&team_id)
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let now = super::this_month();
    let months = shared::survey::open_months(now);
    // The open months (their results wait until they close) and as many
    // closed ones before them.
    let shown: Vec<shared::Month> = (0..2 * months.len() as i32).map(|i| now.plus(-i)).collect();
    let answered = survey::answered(&state.db, team_id, viewer.account_id, &months).await?;
    let tallies = survey::for_months(&state.db, team_id, &shown).await?;
    Ok(SurveyForm {
        team_id,
        team_name,
        results: shown
            .iter()
            .map(|m| {
                shared::survey::result(
                    *m,
                    tallies.get(m).copied().unwrap_or_default(),
                    SuppressionPolicy::OWN_TEAM,
                    now,
                )
            })
            .collect(),
        months: months.iter().map(|m| (*m, answered.contains(m))).collect(),
    })
}

/// Adds the viewer's answer for a month. The audit log records that they
/// answered, never what.
#[server(endpoint = "survey/answer")]
pub async fn answer_survey(
    team_id: i32,
    month: String,
    grade: String,
    know_whom: String,
    information: String,
    vision: String,
    tools: String,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::survey;
    use shared::permissions::Permission;
    use shared::survey::SurveyInput;

    let (request, viewer) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let mut errors = FormErrors::new(&[
        ("month", month.as_str()),
        ("grade", grade.as_str()),
        ("know_whom", know_whom.as_str()),
        ("information", information.as_str()),
        ("vision", vision.as_str()),
        ("tools", tools.as_str()),
    ]);
    let answer = match shared::survey::answer(
        &SurveyInput {
            month: &month,
            grade: &grade,
            items: [&know_whom, &information, &vision, &tools],
        },
        super::this_month(),
    ) {
        Ok(answer) => answer,
        Err(problems) => {
            for (field, message) in problems {
                errors.add(field, message);
            }
            return Err(errors.into_result().expect_err("problems were added"));
        }
    };
    let write = super::write::AuditedWrite::begin(&request).await?;
    let txn = write.db();
    if !survey::record(txn, team_id, viewer.account_id, &answer).await? {
        errors.add("month", shared::i18n::Text::InvalidSurveyAnswered);
        return errors.into_result();
    }
    write
        .commit(
            AuditAction::SurveyAnswered,
            Change::of("team", team_id)
                .after(serde_json::json!({ "month": answer.month.to_string() }).to_string()),
        )
        .await?;
    Ok(())
}
