import eventlet
from eventlet.green import urllib2

def fetch_data(url):
    return urllib2.urlopen(url).read()

def process_urls(urls):
    pool = eventlet.GreenPool()
    results = []
    for body in pool.imap(fetch_data, urls):
        results.append(body)
    return results

# Usage
urls = ['http://example.com', 'http://example.org']
results = process_urls(urls)
