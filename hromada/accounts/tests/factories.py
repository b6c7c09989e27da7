import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from hromada.accounts.models import CitizenProfile, User
from hromada.accounts.roles import Role

factory.Faker._DEFAULT_LOCALE = "uk_UA"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@test.example")
    last_name = factory.Faker("last_name")
    first_name = factory.Faker("first_name")
    password = factory.django.Password("test-password-1")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(
                [Group.objects.get_or_create(name=Role(r).value)[0] for r in extracted]
            )

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(
                user=self, email=self.email, primary=True, verified=True
            )


class CitizenProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CitizenProfile

    user = factory.SubFactory(UserFactory, roles=[Role.CITIZEN])
    address = "вул. Шевченка, 1, м. Вишневе"
    phone = "+380501112233"
