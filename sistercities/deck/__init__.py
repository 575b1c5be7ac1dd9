"""The meeting-room deck: the offline one-file edition and (later) the slides."""
