"""Fields that never change once a row exists: whose row it is.

Who a profile, a note or a meeting belongs to is fixed when it is created: a
form, the admin or a service that changed it would hand someone else's notes to
a new person. Models list those fields in FIXED_FIELDS; saving a change to one
raises instead of writing it. (QuerySet.update() is not guarded: nothing in the
app updates these fields in bulk.)
"""


class FixedFieldChanged(ValueError):
    pass


class FixedFieldsMixin:
    FIXED_FIELDS: tuple[str, ...] = ()

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._fixed_values = {
            name: getattr(instance, attname)
            for name in cls.FIXED_FIELDS
            if (attname := cls._meta.get_field(name).attname) in instance.__dict__
        }
        return instance

    def save(self, *args, **kwargs):
        for name, value in getattr(self, "_fixed_values", {}).items():
            if getattr(self, self._meta.get_field(name).attname) != value:
                raise FixedFieldChanged(
                    f"{self._meta.verbose_name}.{name} can't change once the row exists."
                )
        super().save(*args, **kwargs)
        self._fixed_values = {
            name: getattr(self, self._meta.get_field(name).attname) for name in self.FIXED_FIELDS
        }
