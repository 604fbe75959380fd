"""Subqueries any app's lists use. Imports no app."""

from django.db.models import Func, IntegerField, OuterRef, QuerySet, Subquery


def count_per(rows: QuerySet, column: str):
    """How many of `rows` point at the outer row through `column`, as a subquery:
    joining two reverse relations at once would multiply them.

    COUNT is written as a plain function over the subquery's rows, not as
    Django's aggregate: for one outer row there is nothing to group, and a
    GROUP BY would cost a grouping step for every row counted."""
    counted = rows.filter(**{column: OuterRef("pk")}).order_by()
    return Subquery(counted.values(n=Func("pk", function="COUNT", output_field=IntegerField())))
