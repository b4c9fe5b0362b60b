//! The one way a record is created or edited: the row an edit names is
//! found first (its "before" for the audit), then the new values are
//! inserted as a new row or written over that one.

use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    Iterable, ModelTrait, PrimaryKeyToColumn, PrimaryKeyTrait,
};

/// The row type an active model writes.
pub type RowOf<A> = <<A as ActiveModelTrait>::Entity as EntityTrait>::Model;

/// The row `id` names, when an edit names one; `RecordNotFound` (a 404 at
/// the server function) when it names none.
pub async fn existing<E>(
    db: &impl ConnectionTrait,
    id: Option<i32>,
) -> Result<Option<E::Model>, DbErr>
where
    E: EntityTrait,
    i32: Into<<E::PrimaryKey as PrimaryKeyTrait>::ValueType>,
{
    let Some(id) = id else {
        return Ok(None);
    };
    match E::find_by_id(id).one(db).await? {
        Some(row) => Ok(Some(row)),
        None => Err(DbErr::RecordNotFound(format!("row {id}"))),
    }
}

/// Writes `values` over `before`'s row, or inserts them as a new row when
/// there is none; the row as saved.
pub async fn upsert<A>(
    db: &impl ConnectionTrait,
    before: Option<&RowOf<A>>,
    mut values: A,
) -> Result<RowOf<A>, DbErr>
where
    A: ActiveModelTrait + ActiveModelBehavior + Send,
    RowOf<A>: IntoActiveModel<A>,
{
    match before {
        Some(row) => {
            for key in <A::Entity as EntityTrait>::PrimaryKey::iter() {
                let column = key.into_column();
                values.set(column, row.get(column));
            }
            values.update(db).await
        }
        None => values.insert(db).await,
    }
}
