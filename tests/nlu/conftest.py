import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource


@pytest.fixture
def storage(tmp_path):
    return LocalModelStorage(tmp_path)


@pytest.fixture
def context():
    return ExecutionContext(GraphSchema({}), "test-model")


def build(component_class, storage, context, name, **config):
    return component_class.create(
        {**component_class.get_default_config(), **config}, storage, Resource(name), context
    )


def reload(component_class, storage, context, name, **config):
    return component_class.load(
        {**component_class.get_default_config(), **config}, storage, Resource(name), context
    )
