"""The supervisor's review inbox: the queues of the case loop and their counts."""
