from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.functional import cached_property

DIRECTORS_GROUP = "Program directors"
HONORIFICS = {"dr", "prof", "professor", "mr", "mrs", "ms", "mx"}


class UserQuerySet(models.QuerySet):
    def directors(self):
        return self.filter(is_staff=True, groups__name=DIRECTORS_GROUP)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    """Users are found by e-mail: there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractUser):
    """A person in the program. One person may be mentee, mentor and director at once."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField("e-mail address", unique=True)
    name = models.CharField(
        "name",
        max_length=150,
        help_text="How you'd like to be addressed, for example “Dana Chen” or “Dr Chen”.",
    )
    is_mentee = models.BooleanField(
        "mentee",
        default=False,
        help_text="Looks for mentors and asks for mentorship.",
    )
    is_mentor = models.BooleanField(
        "mentor",
        default=False,
        help_text="Offers mentorship to residents.",
    )
    onboarded_at = models.DateTimeField(
        "onboarded at",
        null=True,
        blank=True,
        help_text="When the person first told us which roles apply to them.",
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    objects = UserManager()

    class Meta:
        verbose_name = "user"
        verbose_name_plural = "users"
        ordering = ["name", "email"]
        constraints = [
            # E-mail is the log-in, so it must be unique whatever its case.
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]
        permissions = [
            ("appoint_director", "Can make or unmake program directors"),
        ]

    def __str__(self):
        return self.name or self.email

    def get_absolute_url(self):
        return reverse("home")

    def get_full_name(self):
        return self.name

    def get_short_name(self):
        """First name for greetings: "Dr Noor Haddad" is greeted as "Noor"."""
        words = [w for w in self.name.split() if w.lower().rstrip(".") not in HONORIFICS]
        return words[0] if words else (self.name or self.email.split("@")[0])

    @cached_property
    def is_director(self) -> bool:
        if not self.is_active or not self.is_staff:
            return False
        if self.is_superuser:
            return True
        return self.groups.filter(name=DIRECTORS_GROUP).exists()

    @property
    def role_names(self) -> list[str]:
        roles = []
        if self.is_mentee:
            roles.append("mentee")
        if self.is_mentor:
            roles.append("mentor")
        if self.is_director:
            roles.append("program director")
        return roles
