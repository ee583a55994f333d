"""The bundled sample programme that `binhchon demo` runs on: Bắc Giang, provincial level, 2019."""

from .programme import DistrictReference, SampleProgramme, sample_programme

__all__ = ["DistrictReference", "SampleProgramme", "sample_programme"]
