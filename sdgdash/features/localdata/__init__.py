"""Local data of pilot territories: upload checks, templates, versions, values beside the region's."""
