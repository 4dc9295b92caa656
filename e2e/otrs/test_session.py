"""SessionCreate / SessionGet through pyotrs: AccessToken first, legacy SessionID too."""

import pyotrs
import pytest

from conftest import ADMIN_PW, make_client


def test_access_token_session(otrs):
    assert otrs.use_legacy_sessions is False  # the AccessToken reply was understood
    token = otrs.session_id_store.value
    assert token.count('.') == 2  # a signed token
    assert otrs.session_get(token) is True
    assert otrs.result['UserLogin'] == 'root'
    assert otrs.result['UserType'] == 'User'


def test_invalid_session_is_reported_not_raised(otrs):
    assert otrs.session_get('not-a-session') is False
    assert otrs.result_json == {'Error': {'ErrorCode': 'SessionGet.SessionInvalid',
                                          'ErrorMessage': 'SessionGet: SessionID is Invalid!'}}


def test_legacy_session(server, tmp_path_factory):
    client = make_client(server, tmp_path_factory, 'root', ADMIN_PW, use_legacy_sessions=True)
    token = client.session_id_store.value
    assert client.result_json['SessionID'] == token
    assert client.session_get(token) is True
    assert {'Key': 'UserLogin', 'Value': 'root'} in client.result


def test_stored_session_is_reused(server, otrs):
    again = pyotrs.Client(server.url, 'root', 'wrong password', session_id_file=otrs.session_id_store.file_path)
    assert again.session_restore_or_create() is True  # valid stored token, no login needed
    assert again.session_id_store.value == otrs.session_id_store.value


def test_wrong_password(server, tmp_path_factory):
    client = pyotrs.Client(server.url, 'root', 'nope',
                           session_id_file=str(tmp_path_factory.mktemp('bad') / '.s'))
    with pytest.raises(pyotrs.lib.APIError) as e:
        client.session_create()
    assert 'SessionCreate.AuthFail' in str(e.value)
