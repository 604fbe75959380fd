"""An id no integer column can hold matches nothing, in a list as on its own.

Django answers `pk=99999999999999999999` with no rows (its IntegerFieldOverflow),
but `pk__in=[99999999999999999999]` hands the number to SQLite, which raises
OverflowError. Every list of ids a form reads (ModelMultipleChoiceField: a
profile's interests and programs, the admin's many-to-many boxes) asks `pk__in`,
so one crafted id was a server error instead of "Select a valid choice".
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            internal_type = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(internal_type)
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)


def register() -> None:
    IntegerField.register_lookup(IntegerFieldIn)
