//! How the plain routes beside the app (charts, CSV downloads) answer when
//! they cannot serve: a refused permission, something that does not exist,
//! or a load that failed. Each handler returns `Result<Response,
//! StatusCode>` and stops at the first of these with `?`.

use app::auth::RequestContext;
use axum::http::StatusCode;
use shared::permissions::{self, Permission};

/// Nothing goes on unless `request`'s viewer has `permission`: 401 for a
/// visitor who is not logged in, 403 for a viewer without it.
pub fn permitted(request: &RequestContext, permission: Permission) -> Result<(), StatusCode> {
    match permissions::check(request.viewer(), permission) {
        Ok(()) => Ok(()),
        Err(permissions::Refusal::NotLoggedIn) => Err(StatusCode::UNAUTHORIZED),
        Err(_) => Err(StatusCode::FORBIDDEN),
    }
}

/// A loaded value; a failed load is logged as `what` and answers 500.
pub fn loaded<T>(load: Result<T, impl std::fmt::Display>, what: &str) -> Result<T, StatusCode> {
    load.map_err(|err| {
        tracing::error!(error = %err, "{what} failed");
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

/// A loaded value that may not exist: 404 when it does not, 500 as
/// `loaded` when loading failed.
pub fn found<T>(
    load: Result<Option<T>, impl std::fmt::Display>,
    what: &str,
) -> Result<T, StatusCode> {
    loaded(load, what)?.ok_or(StatusCode::NOT_FOUND)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_value_is_not_found_and_a_failed_load_is_a_server_error() {
        assert_eq!(found(Ok::<_, String>(Some(3)), "x"), Ok(3));
        assert_eq!(
            found(Ok::<Option<i32>, String>(None), "x"),
            Err(StatusCode::NOT_FOUND)
        );
        assert_eq!(
            found(Err::<Option<i32>, _>("kapot"), "x"),
            Err(StatusCode::INTERNAL_SERVER_ERROR)
        );
        assert_eq!(
            loaded(Err::<i32, _>("kapot"), "x"),
            Err(StatusCode::INTERNAL_SERVER_ERROR)
        );
    }

    #[test]
    fn a_visitor_is_unauthorized() {
        let anonymous = RequestContext::default();
        assert_eq!(
            permitted(&anonymous, Permission::ReadNetwork).unwrap_err(),
            StatusCode::UNAUTHORIZED
        );
    }
}
