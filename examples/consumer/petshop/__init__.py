"""The consumer's own code, using the client generated into the same wheel at build time."""

from __future__ import annotations

from petstore_client import PetStore
from petstore_client.models import Pet


def pet_names(client: PetStore) -> list[str]:
    pets: list[Pet] = client.pets.list()
    return [pet.name for pet in pets]
